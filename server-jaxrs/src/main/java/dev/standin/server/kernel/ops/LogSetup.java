package dev.standin.server.kernel.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configurator (found through {@code META-INF/services}): sets up the text format
 * in code unless an operator pointed logback at a file of their own, which logback then reads.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (LogFormat.operatorConfigured()) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    LogFormat.text.configure(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
