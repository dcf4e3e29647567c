package dev.failmode.report;

import java.util.Locale;

/**
 * The output formats of {@code classify} and {@code check}. Each constant creates its writer,
 * so the CLI's help lists exactly the formats there are.
 */
public enum Format {
  TEXT {
    @Override
    public ReportWriter writer(Style style) {
      return new TextReport(style);
    }
  },
  JSON {
    @Override
    public ReportWriter writer(Style style) {
      return new JsonReport();
    }
  };

  /** The writer of this format; {@code style} says whether a terminal format may use colour. */
  public abstract ReportWriter writer(Style style);

  /** The name used on the command line: {@code text}, {@code json}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** How a terminal format may decorate its output. */
  public record Style(boolean color) {
    public static final Style PLAIN = new Style(false);
  }
}
