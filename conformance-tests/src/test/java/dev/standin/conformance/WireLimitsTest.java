package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.standin.server.ServerConfig;
import dev.standin.server.StandinServer;
import dev.standin.server.apify.auth.UserToken;
import dev.standin.server.spaaza.SpaazaConfig;
import dev.standin.server.spaaza.auth.PresetToken;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wire limits of both APIs, seen from outside: a declared length over the limit is refused
 * before the body is sent, a compression bomb is refused without being expanded in memory, and
 * every route of both bundled specs answers a method it lacks with 405 in the vendor's shape.
 */
class WireLimitsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String APIFY_TOKEN = ServerHarness.ALICE_TOKEN;
  private static final PresetToken SPAAZA_TOKEN =
      new PresetToken(1764, "tokenLimits000000001", "secret");
  private static final String SPAAZA_AUTH =
      "Bearer " + SPAAZA_TOKEN.tokenId() + ":" + SPAAZA_TOKEN.secret();
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  @TempDir static Path dataDir;
  static StandinServer server;

  @BeforeAll
  static void start() {
    server =
        StandinServer.start(
            ServerConfig.forDataDir(dataDir)
                .withUsers(List.of(new UserToken(ServerHarness.ALICE, APIFY_TOKEN)))
                .withRateLimits(ServerHarness.UNTHROTTLED)
                .withSpaaza(
                    SpaazaConfig.defaults()
                        .withPollInterval(Duration.ofHours(1))
                        .withTokens(List.of(SPAAZA_TOKEN))));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  // --- declared length ------------------------------------------------------------------------

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent() throws IOException {
    String apify =
        declareHugeBody(server.baseUri(), "PUT /v2/actor-tasks/anything/input", APIFY_TOKEN);
    assertThat(apify).startsWith("HTTP/1.1 413");
    assertThat(apify).contains("\"type\":\"request-too-large\"");

    String spaaza = declareHugeBody(server.spaaza().baseUri(), "PUT /tasks/1", null);
    assertThat(spaaza).startsWith("HTTP/1.1 413");
    assertThat(spaaza).contains("\"name\":\"request_too_large\"").contains("\"code\":7");
  }

  /**
   * Sends only the headers (declaring 10 GB) and 5 body bytes, then reads the answer: it can only
   * come back if the server decided on the declared length without waiting for the body.
   */
  private static String declareHugeBody(URI base, String requestLine, String apifyToken)
      throws IOException {
    return sendPartly(base, requestLine, apifyToken, 10_000_000_000L, "{\"a\":", false);
  }

  /**
   * Sends a request whose body is only {@code bodyStart} of the {@code declaredLength} bytes it
   * declares, optionally closes the sending side, and reads the answer.
   */
  private static String sendPartly(
      URI base,
      String requestLine,
      String apifyToken,
      long declaredLength,
      String bodyStart,
      boolean closeSendingSide)
      throws IOException {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000); // a server waiting for the body would fail the read, not hang
      String auth = apifyToken != null ? "Bearer " + apifyToken : SPAAZA_AUTH;
      String request =
          requestLine
              + " HTTP/1.1\r\nHost: "
              + base.getHost()
              + "\r\nAuthorization: "
              + auth
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + declaredLength
              + "\r\n\r\n"
              + bodyStart;
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (closeSendingSide) {
        socket.shutdownOutput();
      }
      return readAnswer(socket.getInputStream());
    }
  }

  /** The status line, headers and as much of the body as the declared answer length says. */
  private static String readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) > 0) {
      answer.write(buffer, 0, n);
      String text = answer.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      if (end >= 0) {
        var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
        if (length.find()
            && text.getBytes(StandardCharsets.UTF_8).length
                >= end + 4 + Integer.parseInt(length.group(1))) {
          break;
        }
      }
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBodyCutShortIs400SayingSoInEachApi() throws IOException {
    String apify =
        sendCutShort(server.baseUri(), "PUT /v2/actor-tasks/anything/input", APIFY_TOKEN);
    assertThat(apify).startsWith("HTTP/1.1 400");
    assertThat(apify).contains("\"type\":\"invalid-input\"").contains("ended before");

    String spaaza = sendCutShort(server.spaaza().baseUri(), "PUT /tasks/1", null);
    assertThat(spaaza).startsWith("HTTP/1.1 400").contains("ended before");
  }

  /** Declares 100 body bytes, sends 11 and closes the sending side, then reads the answer. */
  private static String sendCutShort(URI base, String requestLine, String apifyToken)
      throws IOException {
    return sendPartly(base, requestLine, apifyToken, 100, "{\"a\":1,\"b\":", true);
  }

  // --- compression bomb -----------------------------------------------------------------------

  /**
   * A body of about 1 MB that gunzips to 1 GiB is refused with 413, and serving it leaves no more
   * than a few tens of MB on the heap (the server and this test share a JVM, so the heap is the
   * server's). Also bounded: the bytes all threads allocated while it was served, far below the 1
   * GiB a server expanding the body into memory would need. This proves the body is streamed and
   * cut off at the limit; it does not measure the peak of one request under concurrent load.
   */
  @Test
  void aCompressionBombIsRefusedWithoutExpandingIt() throws Exception {
    byte[] bomb = gzipBombOfOneGiB();
    assertThat(bomb.length).isLessThan(2_000_000);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    for (Target target : targets()) {
      System.gc();
      long heapBefore = memory.getHeapMemoryUsage().getUsed();
      long allocatedBefore = allocatedByAllThreads();

      HttpResponse<String> answer =
          fresh()
              .send(
                  target
                      .request()
                      .header("Content-Type", "application/json")
                      .header("Content-Encoding", "gzip")
                      .method(target.method(), HttpRequest.BodyPublishers.ofByteArray(bomb))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      long allocated = allocatedByAllThreads() - allocatedBefore;
      System.gc();
      long heapGrowth = memory.getHeapMemoryUsage().getUsed() - heapBefore;
      assertThat(answer.statusCode()).as(target + ": " + answer.body()).isEqualTo(413);
      assertThat(errorName(answer.body())).isEqualTo(target.tooLarge());
      assertThat(heapGrowth).as(target + ": heap growth").isLessThan(48L << 20);
      assertThat(allocated).as(target + ": bytes allocated").isLessThan(512L << 20);
    }
  }

  /** 1 024 gzip members of 1 MiB each (concatenated members are one valid gzip stream). */
  private static byte[] gzipBombOfOneGiB() throws IOException {
    byte[] mebibyte = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
    byte[] first = gzip(concat("{\"x\":\"".getBytes(StandardCharsets.US_ASCII), mebibyte));
    byte[] member = gzip(mebibyte);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    for (int i = 1; i < 1024; i++) {
      out.write(member);
    }
    return out.toByteArray();
  }

  private static long allocatedByAllThreads() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, bytes);
    }
    return sum;
  }

  // --- methods --------------------------------------------------------------------------------

  @Test
  void everyRouteOfBothApisAnswersAMissingMethodWith405InTheVendorsShape() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Api api : Api.values()) {
      OpenAPI spec = bundled(api.spec);
      for (Map.Entry<String, PathItem> route : spec.getPaths().entrySet()) {
        Set<String> declared = new TreeSet<>();
        route.getValue().readOperationsMap().keySet().forEach(m -> declared.add(m.name()));
        String path = route.getKey().replaceAll("\\{[^}]+}", "1");
        for (String method : METHODS) {
          if (declared.contains(method)) {
            continue;
          }
          HttpResponse<String> answer = send(api, method, path);
          assertThat(answer.statusCode())
              .as(method + " " + path + ": " + answer.body())
              .isEqualTo(405);
          Set<String> allowed = new TreeSet<>(declared);
          allowed.add("OPTIONS");
          assertThat(answer.headers().firstValue("Allow"))
              .as(method + " " + path)
              .map(WireLimitsTest::methodSet)
              .contains(allowed);
          JsonNode error = MAPPER.readTree(answer.body()).path("error");
          assertThat(error.path(api.messageField).asText())
              .as(method + " " + path)
              .isEqualTo(api.message(allowed));
          assertThat(error.path(api.nameField).asText()).isEqualTo(api.methodNotAllowed);
          checked.add(api + " " + method + " " + path);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThanOrEqualTo(30);
  }

  private static Set<String> methodSet(String header) {
    Set<String> methods = new TreeSet<>();
    for (String m : header.split(",")) {
      methods.add(m.trim());
    }
    return methods;
  }

  private static HttpResponse<String> send(Api api, String method, String path) throws Exception {
    URI base = api == Api.APIFY ? server.baseUri() : server.spaaza().baseUri();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .header("Authorization", api == Api.APIFY ? "Bearer " + APIFY_TOKEN : SPAAZA_AUTH)
            .method(method, HttpRequest.BodyPublishers.noBody());
    return fresh().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  enum Api {
    APIFY("/openapi/apify.yaml", "type", "message", "method-not-allowed") {
      @Override
      String message(Set<String> allowed) {
        return "This API end-point can only be accessed using the following HTTP methods: "
            + String.join(",", allowed);
      }
    },
    SPAAZA("/openapi/spaaza.yaml", "name", "description", "method_not_allowed") {
      @Override
      String message(Set<String> allowed) {
        return "This route accepts only: " + String.join(", ", allowed) + ".";
      }
    };

    final String spec;
    final String nameField;
    final String messageField;
    final String methodNotAllowed;

    Api(String spec, String nameField, String messageField, String methodNotAllowed) {
      this.spec = spec;
      this.nameField = nameField;
      this.messageField = messageField;
      this.methodNotAllowed = methodNotAllowed;
    }

    abstract String message(Set<String> allowed);
  }

  // --- helpers --------------------------------------------------------------------------------

  /**
   * A client with no pooled connections: the server closes a connection after refusing a body it
   * did not read, and a pooled client would send the next request down that closed connection.
   */
  private static HttpClient fresh() {
    return HttpClient.newHttpClient();
  }

  record Target(String label, String method, URI uri, String auth, String tooLarge) {
    HttpRequest.Builder request() {
      return HttpRequest.newBuilder(uri).header("Authorization", auth);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static List<Target> targets() {
    return List.of(
        new Target(
            "Apify PUT input",
            "PUT",
            server.baseUri().resolve("v2/actor-tasks/anything/input"),
            "Bearer " + APIFY_TOKEN,
            "request-too-large"),
        new Target(
            "Spaaza PUT task",
            "PUT",
            server.spaaza().baseUri().resolve("tasks/1"),
            SPAAZA_AUTH,
            "request_too_large"));
  }

  private static String errorName(String body) throws IOException {
    JsonNode error = MAPPER.readTree(body).path("error");
    return error.has("type") ? error.path("type").asText() : error.path("name").asText();
  }

  private static OpenAPI bundled(String resource) throws IOException {
    try (InputStream in = WireLimitsTest.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      return new OpenAPIV3Parser()
          .readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getOpenAPI();
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
