package dev.standin.server.kernel.ops;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The two log formats as an operator reads them on stderr. */
class LogFormatTest {

  @Test
  void textLinesCarryTimeLevelLoggerRequestIdAndMessage() {
    List<String> lines = logOneAccessLineAndOneQuietLibraryLine(LogFormat.text);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  standin\\.access \\[req-1\\] - method=PUT"
                + " status=200");
  }

  @Test
  void jsonLinesAreObjectsWithTheRequestIdAndTheAccessFields() throws Exception {
    List<String> lines = logOneAccessLineAndOneQuietLibraryLine(LogFormat.json);

    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines.get(0));
    assertThat(line.path("level").asText()).isEqualTo("INFO");
    assertThat(line.path("logger_name").asText()).isEqualTo("standin.access");
    assertThat(line.path("requestId").asText()).isEqualTo("req-1");
    assertThat(line.path("method").asText()).isEqualTo("PUT");
    assertThat(line.path("status").asInt()).isEqualTo(200);
    assertThat(line.has("@timestamp")).isTrue();
  }

  /** Logs through a fresh context set up in the format; returns what reached stderr, by line. */
  private static List<String> logOneAccessLineAndOneQuietLibraryLine(LogFormat format) {
    PrintStream realErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    // The request ID reaches the line through SLF4J's MDC, which the running context holds.
    context.setMDCAdapter(((LoggerContext) LoggerFactory.getILoggerFactory()).getMDCAdapter());
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      format.configure(context);
      Logger access = context.getLogger("standin.access");
      MDC.put(RequestObserver.MDC_KEY, "req-1");
      access.info("{} {}", kv("method", "PUT"), kv("status", 200));
      // Libraries' INFO chatter is turned down to warnings.
      context.getLogger("org.flywaydb.core.Flyway").info("migrating");
      context.stop(); // drains the asynchronous appender
    } finally {
      MDC.remove(RequestObserver.MDC_KEY);
      System.setErr(realErr);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
