package dev.failmode.cli;

/** The exit codes scripts rely on (cli.md). */
final class ExitCode {
  /** Every file is valid and the policy holds. */
  static final int OK = 0;
  /** The policy does not hold. */
  static final int POLICY = 1;
  /** Bad input or usage: invalid YAML, schema violation, unknown or broken pack, bad arguments. */
  static final int BAD_INPUT = 2;

  private ExitCode() {}
}
