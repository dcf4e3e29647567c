package dev.failmode.report;

/**
 * Escaping for GitHub Markdown, so that text from a failure-mode file is shown as written and
 * never becomes markup: no HTML (a {@code <script>} stays text), no emphasis, links or tables
 * it did not ask for.
 */
final class Markdown {
  private Markdown() {}

  /** Text for a paragraph, a list item or a table cell. */
  static String text(String raw) {
    if (raw == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\\', '`', '*', '_', '[', ']', '|', '~', '$' -> out.append('\\').append(c);
        case '\n', '\r', '\t' -> out.append(' ');
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(' ');
          } else {
            out.append(c);
          }
        }
      }
    }
    // at the start of a line these would begin a list, a heading or a quote
    if (out.length() > 0 && "-=#+!".indexOf(out.charAt(0)) >= 0) {
      out.insert(0, '\\');
    }
    return out.toString();
  }

  /** Text inside an inline code span: no backticks to break out of it, no line breaks. */
  static String code(String raw) {
    String text = raw == null ? "" : raw.replaceAll("[\\r\\n\\t]", " ").replace("`", "'").replace("|", "\\|");
    return "`" + text + "`";
  }

  /** A relative link to a file and line that GitHub renders; the target is percent-encoded. */
  static String fileLink(String file, int line) {
    String label = text(file + (line > 0 ? ":" + line : ""));
    String target = encode(file) + (line > 0 ? "#L" + line : "");
    return "[" + label + "](" + target + ")";
  }

  private static String encode(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 0x80 || "/._-~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
      }
    }
    return out.toString();
  }
}
