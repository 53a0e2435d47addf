package dev.standin.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.standin.apify.model.TaskShort;
import dev.standin.examples.QuickStart;
import dev.standin.examples.SpaazaQuickStart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the README's example program against a real server, so the example cannot rot. */
class QuickStartTest extends ConformanceTest {

  @Test
  void quickStartRunsAndLeavesTheMergedInput() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[] {server.baseUri().toString(), ServerHarness.ALICE_TOKEN});
    } finally {
      System.setOut(original);
    }

    Map<String, Object> expected = new HashMap<>();
    expected.put("startUrls", List.of("https://example.com"));
    expected.put("maxItems", 20);
    expected.put("proxy", null);
    assertThat(alice.tasks().iterate().map(TaskShort::getName)).contains("quick-start-task");
    assertThat(alice.task("~quick-start-task").getInput()).contains(expected);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("maxItems=20")
        .contains("proxy=null")
        .contains("startUrls=[https://example.com]");
  }

  @Test
  void spaazaQuickStartRunsTheExportAndPrintsItsLink() throws Exception {
    String printed =
        printedBy(
            () ->
                SpaazaQuickStart.main(
                    new String[] {
                      server.spaazaBaseUri().toString(),
                      ServerHarness.SPAAZA_TOKEN.tokenId()
                          + ":"
                          + ServerHarness.SPAAZA_TOKEN.secret()
                    }));

    assertThat(printed).containsPattern("task [0-9]+ DONE: http://");
    URI link = URI.create(printed.substring(printed.indexOf("http://")).strip());
    HttpResponse<String> file =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isNotBlank();
  }

  private static String printedBy(Runnable program) {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      program.run();
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
