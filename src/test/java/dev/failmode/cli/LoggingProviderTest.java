package dev.failmode.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The command line's provider sets logback up as logback's own would with the configurator. */
class LoggingProviderTest {

  @Test
  void warningsAndErrorsOnlyToStandardErrorWithTheLineLayout() {
    LoggingProvider provider = new LoggingProvider();
    provider.initialize();
    LoggerContext context = (LoggerContext) provider.getLoggerFactory();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.drools").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("dev.failmode.engine.Engine").isInfoEnabled()).isFalse();
    assertThat(root.getAppender("stderr")).isInstanceOfSatisfying(ConsoleAppender.class, appender -> {
      assertThat(appender.getTarget()).isEqualTo("System.err");
      assertThat(appender.isStarted()).isTrue();
    });
    assertThat(context.isStarted()).isTrue();
    assertThat(provider.getMDCAdapter()).isNotNull();
    assertThat(provider.getMarkerFactory().getMarker("m").getName()).isEqualTo("m");
  }
}
