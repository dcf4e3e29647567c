package dev.failmode.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.failmode.engine.RuleBasePrefetch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** {@code --verbose} and {@code --debug}, on every command. */
final class LoggingOptions {
  private static boolean debug;

  @Option(names = {"-v", "--verbose"}, description = "Say what is being read, compiled and skipped (on standard error).")
  void verbose(boolean on) {
    if (on) {
      level("dev.failmode", Level.INFO);
    }
  }

  @Option(names = "--debug", description = "Log everything, and print stack traces of errors.")
  void debug(boolean on) {
    if (on) {
      debug = true;
      level("dev.failmode", Level.DEBUG);
      level("org.drools", Level.INFO);
    }
  }

  static boolean debugging() {
    return debug;
  }

  private static void level(String name, Level level) {
    RuleBasePrefetch.awaitLogging(); // a stand-in logger during set-up is not logback's
    ((Logger) LoggerFactory.getLogger(name)).setLevel(level);
  }
}
