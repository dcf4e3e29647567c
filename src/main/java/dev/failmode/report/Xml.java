package dev.failmode.report;

/** Text made safe for XML 1.0: characters XML cannot hold become U+FFFD; the writer escapes the rest. */
public final class Xml {
  private Xml() {}

  public static String text(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length());
    raw.codePoints().forEach(c -> {
      boolean allowed = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
          || c >= 0x10000 && c <= 0x10FFFF;
      out.appendCodePoint(allowed ? c : 0xFFFD);
    });
    return out.toString();
  }
}
