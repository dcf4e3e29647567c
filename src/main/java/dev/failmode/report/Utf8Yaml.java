package dev.failmode.report;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The items of a long list as block YAML in UTF-8 bytes, laid out as the report's Jackson YAML
 * generator lays them out (two spaces a level, a list's dash indented under its key, the first
 * field of an item after its dash), for the same item writers as {@link Utf8Json}. Jackson's YAML
 * generator hands every key and value to SnakeYAML's emitter, which analyses each scalar to pick
 * its style: about 4.6 s of a 100,000-mode report on two cores, against 0.3 s for the JSON.
 *
 * <p>A scalar is written here only when its style is certain: one line of printable ASCII, tabs
 * and text of the basic plane; double-quoted where Jackson's quoting checker asks for quotes, where
 * it reads as a number, or where it holds a tab (quote, backslash and tab escaped), single-quoted
 * where SnakeYAML would not take it plain, else plain. Any other string (a line break, which
 * Jackson writes as a literal block, another control character, a surrogate, U+00A0, U+0085, the
 * empty string, one of only signs, points and digits, one that starts as a number and holds an
 * underscore) marks what was written {@link #unsure()},
 * and the caller writes that item with Jackson instead. {@code Utf8YamlTest} holds the scalars to Jackson's for
 * generated strings, and {@code ParallelRenderingTest} whole reports.
 *
 * <p>Lines start with their line break: a rendering starts with one and ends without.
 */
final class Utf8Yaml extends Utf8Json {
  private static final byte[] EMPTY_LIST = bytes(" []");
  private static final byte[] EMPTY_MAPPING = bytes(" {}");
  private static final StringQuotingChecker QUOTING = YamlQuoting.INSTANCE;
  /** A list item's line break, indentation and dash, at each level (a list under a key at level 1 is indented by nothing). */
  private static final byte[][] DASHES = new byte[8][];
  /** Slots of the table of scalars written lately, by the string's identity; a power of two. */
  private static final int SCALARS = 1_024;

  static {
    for (int level = 0; level < DASHES.length; level++) {
      DASHES[level] = bytes("\n" + "  ".repeat(Math.max(0, level - 1)) + "- ");
    }
  }

  /** What was written last: a key (a value then needs a space before it), a list's dash, or anything else. */
  private enum After { KEY, DASH, OTHER }

  private After after = After.OTHER;
  private boolean unsure;
  private final StringBuilder pieces = new StringBuilder();
  private final Consumer<String> piecesSink = pieces::append;
  private final String[] scalarKeys = new String[SCALARS];
  private final byte[][] scalarBytes = new byte[SCALARS][];

  Utf8Yaml(int capacity) {
    super(capacity);
  }

  @Override
  void reset() {
    super.reset();
    sure();
  }

  /** Whether a string was met, since the last {@link #sure}, whose style this writer does not decide: what it wrote is not to be used. */
  boolean unsure() {
    return unsure;
  }

  /** Starts again from here, sure of nothing written yet. */
  private void sure() {
    after = After.OTHER;
    unsure = false;
  }

  /** A piece with a scalar this writer was not sure of is not remembered (and so never copied where it would not be checked). */
  @Override
  boolean keepable() {
    return !unsure;
  }

  @Override
  Utf8Json field(Name name, int level, boolean first) {
    if (after == After.DASH) {
      raw(name.yamlAfterDash);
    } else {
      raw(level < name.yamlLine.length ? name.yamlLine[level] : bytes("\n" + "  ".repeat(level - 1) + name.name() + ":"));
    }
    after = After.KEY;
    return this;
  }

  @Override
  Utf8Json startObject() {
    return this; // a mapping's first key follows a dash on its line, or starts the next line
  }

  @Override
  Utf8Json startArray() {
    return this;
  }

  @Override
  Utf8Json item(int level, boolean first) {
    raw(level < DASHES.length ? DASHES[level] : bytes("\n" + "  ".repeat(level - 1) + "- "));
    after = After.DASH;
    return this;
  }

  @Override
  Utf8Json endObject(int level, boolean empty) {
    return end(empty, EMPTY_MAPPING);
  }

  @Override
  Utf8Json endArray(int level, boolean empty) {
    return end(empty, EMPTY_LIST);
  }

  /** Closes a mapping or a list: block YAML has nothing to close but an empty one, written in flow style. */
  private Utf8Json end(boolean empty, byte[] emptyFlow) {
    if (empty) {
      raw(emptyFlow);
    }
    after = After.OTHER;
    return this;
  }

  @Override
  Utf8Json number(int value) {
    lead();
    return super.number(value);
  }

  @Override
  Utf8Json number(BigDecimal value) {
    lead();
    return value == null ? raw(NULL) : ascii(value.toPlainString());
  }

  @Override
  Utf8Json bool(boolean value) {
    lead();
    return raw(value ? TRUE : FALSE);
  }

  @Override
  Utf8Json string(String value) {
    lead();
    return scalar(value);
  }

  @Override
  Utf8Json repeated(String value) {
    return string(value);
  }

  @Override
  Utf8Json text(String value) {
    return string(value);
  }

  @Override
  Consumer<String> openPieces() {
    pieces.setLength(0);
    return piecesSink;
  }

  @Override
  Utf8Json closePieces() {
    return string(pieces.toString());
  }

  /** The space between a key and its value. */
  private void lead() {
    if (after == After.KEY) {
      raw(' ');
    }
    after = After.OTHER;
  }

  private Utf8Json scalar(String value) {
    if (value == null) {
      return raw(NULL);
    }
    int slot = value.hashCode() & (SCALARS - 1);
    if (scalarKeys[slot] == value) {
      return raw(scalarBytes[slot]);
    }
    int from = size();
    style(value);
    if (!unsure) {
      scalarKeys[slot] = value;
      scalarBytes[slot] = toByteArray(from);
    }
    return this;
  }

  private void style(String value) {
    int length = value.length();
    if (length == 0) {
      unsure = true; // Jackson quotes the empty string
      return;
    }
    boolean space = false;
    boolean special = false; // a tab: SnakeYAML then double-quotes the string
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c <= 0x7E) {
        space |= c == ' ';
      } else if (c == '\t') {
        special = true;
      } else if (c >= 0xA1 && c <= 0xD7FF && c != 0x2028 && c != 0x2029 || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF) {
        ascii = false; // text SnakeYAML writes as it is, plain or quoted
      } else {
        unsure = true; // a line break (Jackson asks for a literal block), other control characters, surrogates, U+00A0, U+0085
        return;
      }
    }
    boolean number = false;
    if (!space && !special && ascii && startsAsNumber(value)) {
      if (onlyNumberCharacters(value) || value.indexOf('_') >= 0) {
        // Jackson's own pattern of a plain number decides the first; SnakeYAML's emitter quotes some
        // with an underscore that its resolver reads as text ("0_" and "0__" single-quoted, "+0_" and
        // "0_a" plain), so the generator writes both
        unsure = true;
        return;
      }
      number = Resolver.INT.matcher(value).matches() || Resolver.FLOAT.matcher(value).matches();
    }
    // Jackson asks for double quotes or for a plain scalar; SnakeYAML writes one it may not take
    // plain in single quotes, and one with a tab in double quotes
    if (special || number || QUOTING.needToQuoteValue(value)) {
      doubleQuoted(value);
    } else if (!plainInBlock(value)) {
      singleQuoted(value);
    } else if (ascii) {
      ascii(value);
    } else {
      utf8(value, 0, length);
    }
  }

  /** As SnakeYAML single-quotes a string of one line without tabs: a quote doubled. */
  private void singleQuoted(String value) {
    raw('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        raw('\'');
      }
      utf8(value, i, i + 1);
    }
    raw('\'');
  }

  /**
   * Whether Jackson goes on to ask if a string without spaces reads as a number (and then quotes
   * it): it starts with a sign, a point or a digit and has no colon. It then asks SnakeYAML's
   * patterns of an int and a float, and a pattern of its own that only strings of signs, points
   * and digits match.
   */
  private static boolean startsAsNumber(String value) {
    char c = value.charAt(0);
    return (c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9')) && value.indexOf(':') < 0;
  }

  private static boolean onlyNumberCharacters(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '+' && c != '-' && c != '.' && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether SnakeYAML's emitter writes a one-line string without tabs plain as a block mapping's
   * value: no space at either end, no document marker, no indicator at the start, no {@code ": "}
   * or {@code " #"} inside, no colon at the end.
   */
  static boolean plainInBlock(String value) {
    int length = value.length();
    if (value.charAt(0) == ' ' || value.charAt(length - 1) == ' ' || value.startsWith("---") || value.startsWith("...")) {
      return false;
    }
    char first = value.charAt(0);
    boolean spaceAfterFirst = length == 1 || value.charAt(1) == ' ';
    if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0 || (first == '?' || first == ':' || first == '-') && spaceAfterFirst) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = value.charAt(i);
      if (c == ':' && (i + 1 == length || value.charAt(i + 1) == ' ') || c == '#' && value.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  /** As SnakeYAML double-quotes a string of the characters {@link #style} takes: quote, backslash and tab escaped. */
  private void doubleQuoted(String value) {
    int length = value.length();
    ensure(length + 2);
    raw('"');
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        raw('\\').raw(c);
      } else if (c == '\t') {
        raw('\\').raw('t');
      } else if (c < 0x80) {
        raw(c);
      } else {
        utf8(value, i, i + 1);
      }
    }
    raw('"');
  }

  /** Characters of the basic plane, none a surrogate, as UTF-8. */
  private void utf8(String value, int from, int to) {
    ensure(3 * (to - from));
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        raw(c);
      } else if (c < 0x800) {
        raw((char) (0xC0 | (c >> 6))).raw((char) (0x80 | (c & 0x3F)));
      } else {
        raw((char) (0xE0 | (c >> 12))).raw((char) (0x80 | ((c >> 6) & 0x3F))).raw((char) (0x80 | (c & 0x3F)));
      }
    }
  }
}
