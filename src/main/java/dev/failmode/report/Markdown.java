package dev.failmode.report;

import dev.failmode.model.Text;

/**
 * Escaping for GitHub Markdown, so that text from a failure-mode file is shown as written and
 * never becomes markup: no HTML (a {@code <script>} stays text), no emphasis, links or tables
 * it did not ask for.
 */
public final class Markdown {
  private Markdown() {}

  /**
   * Text a rule pack's author wrote (a title, a description, a remediation), for docs: the
   * author's own Markdown is kept, but not HTML, so {@code -c <config>} is shown rather than read
   * as a tag. Code spans are left as written: Markdown shows their text as it is.
   */
  public static String authored(String given) {
    if (given == null) {
      return "";
    }
    String raw = Text.withoutBidi(given);
    StringBuilder out = new StringBuilder(raw.length() + 16);
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c == '`') {
        int run = i;
        while (run < raw.length() && raw.charAt(run) == '`') {
          run++;
        }
        String fence = raw.substring(i, run);
        int close = closingFence(raw, fence, run);
        if (close >= 0) {
          out.append(raw, i, close + fence.length());
          i = close + fence.length();
          continue;
        }
        out.append(fence);
        i = run;
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** Where a code span opened by {@code fence} closes: the next run of exactly as many backticks. */
  private static int closingFence(String raw, String fence, int from) {
    int at = raw.indexOf(fence, from);
    while (at >= 0) {
      int end = at + fence.length();
      if ((end >= raw.length() || raw.charAt(end) != '`')) {
        return at;
      }
      while (end < raw.length() && raw.charAt(end) == '`') {
        end++;
      }
      at = raw.indexOf(fence, end);
    }
    return -1;
  }

  /** {@link #authored} text for a table cell: on one line, and a '|' in it cannot end the cell. */
  public static String authoredCell(String raw) {
    return authored(raw).replaceAll("\\s*\\R\\s*", " ").replace("|", "\\|");
  }

  /** Text for a paragraph, a list item or a table cell. */
  static String text(String given) {
    if (given == null) {
      return "";
    }
    String raw = Text.withoutBidi(given); // an override in a file's text must not reorder what is read
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
  public static String code(String given) {
    String raw = given == null ? null : Text.printable(given); // an id from a hand-made report may hold ESC or an override
    StringBuilder out = new StringBuilder((raw == null ? 0 : raw.length()) + 4).append('`');
    if (raw != null) {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        switch (c) {
          case '\r', '\n', '\t' -> out.append(' ');
          case '`' -> out.append('\'');
          case '|' -> out.append("\\|");
          default -> out.append(c);
        }
      }
    }
    return out.append('`').toString();
  }

  /** A relative link to a file and line that GitHub renders; the target is percent-encoded. */
  static String fileLink(String file, int line) {
    return fileLink(file + (line > 0 ? ":" + line : ""), file, line);
  }

  /** A link labelled {@code label} to the file at relative path {@code target}, at {@code line} when it is positive. */
  public static String fileLink(String label, String target, int line) {
    return "[" + text(label) + "](" + encode(target) + (line > 0 ? "#L" + line : "") + ")";
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
