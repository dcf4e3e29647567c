package dev.failmode.cli;

import ch.qos.logback.classic.spi.LogbackServiceProvider;

/**
 * Logback, set up half a second late: chosen with {@code -Dslf4j.provider=}, it makes the window
 * in which SLF4J hands out stand-in loggers wide enough that a run hits it every time.
 */
public final class SlowLogbackProvider extends LogbackServiceProvider {
  @Override
  public void initialize() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    super.initialize();
  }
}
