package dev.failmode.cli;

import ch.qos.logback.classic.spi.LogbackServiceProvider;

/** Logging that fails to set itself up with an Error, chosen with {@code -Dslf4j.provider=}. */
public final class BrokenLogbackProvider extends LogbackServiceProvider {
  @Override
  public void initialize() {
    throw new AssertionError("logging cannot be set up (a test's fault)");
  }
}
