package dev.standin.server.kernel.ops;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How log lines look: {@code text} (the default) or {@code json} (JSON lines: timestamp, level,
 * logger, message, the request ID from the MDC and the access log's fields).
 *
 * <p>Logging is set up in code rather than from a {@code logback.xml}: parsing XML through Joran
 * took about a tenth of the server's cold start. An operator's own file still wins: with {@code
 * -Dlogback.configurationFile} (or a {@code logback-test.xml} on the classpath, as in tests)
 * logback reads that file and the server leaves logging alone.
 */
public enum LogFormat {
  text,
  json;

  private static final String LINE_PATTERN =
      "%d{HH:mm:ss.SSS} %-5level %logger{36} [%X{requestId:--}] - %msg%n";

  /** Libraries that are chatty at INFO; their warnings are what an operator needs. */
  private static final Map<String, Level> QUIETER =
      Map.of(
          "org.flywaydb", Level.WARN,
          "com.zaxxer.hikari", Level.WARN,
          "org.glassfish", Level.WARN,
          "org.eclipse.jetty", Level.WARN);

  /** Reconfigures logging for this format; a no-op under an operator's own logback file. */
  public void apply() {
    if (this == text) {
      return; // logging starts in the text format (LogSetup)
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && !operatorConfigured()) {
      context.reset();
      configure(context);
    }
  }

  /** True when logback was pointed at a configuration file, which then decides everything. */
  static boolean operatorConfigured() {
    return System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
        || LogFormat.class.getClassLoader().getResource(ClassicConstants.TEST_AUTOCONFIG_FILE)
            != null;
  }

  void configure(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder(context));
    stderr.start();

    // Request threads hand their lines to one writer thread instead of queueing on stderr's lock.
    // Nothing is dropped: a full queue makes the request thread wait. Main stops the logging
    // context after the server has stopped (drain), which empties the queue.
    AsyncAppender async = new AsyncAppender();
    async.setContext(context);
    async.setName("ASYNC");
    async.setQueueSize(8192);
    async.setDiscardingThreshold(0);
    async.addAppender(stderr);
    async.start();

    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(async);
  }

  private Encoder<ILoggingEvent> encoder(LoggerContext context) {
    if (this == json) {
      LogstashEncoder encoder = new LogstashEncoder();
      encoder.setContext(context);
      encoder.setIncludeContext(false);
      encoder.start();
      return encoder;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(LINE_PATTERN);
    encoder.start();
    return encoder;
  }

  /** Writes out the lines still queued for the log's writer thread; call last, before exiting. */
  public static void drain() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
