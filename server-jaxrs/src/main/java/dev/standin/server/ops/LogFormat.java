package dev.standin.server.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import org.slf4j.LoggerFactory;

/** How log lines look: {@code text} (logback.xml, the default) or {@code json} (JSON lines). */
public enum LogFormat {
  text("/logback.xml"),
  json("/logback-json.xml");

  private final String resource;

  LogFormat(String resource) {
    this.resource = resource;
  }

  /** Reconfigures logging for this format; a no-op unless logback is the SLF4J binding. */
  public void apply() {
    if (this == text) {
      return; // logback has configured itself from logback.xml already; parsing it again is slow
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    URL config = LogFormat.class.getResource(resource);
    context.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(config);
    } catch (JoranException e) {
      throw new IllegalStateException("cannot configure logging from " + resource, e);
    }
  }

  /** Writes out the lines still queued for the log's writer thread; call last, before exiting. */
  public static void drain() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
