package dev.failmode.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * JSON written straight to UTF-8 bytes, laid out exactly as the report's Jackson generator lays it
 * out (two spaces a level, {@code "name": value}, {@code [ ]} for an empty list, strings escaped as
 * Jackson escapes them), for the items a report writes by the hundred thousand. Jackson's
 * generator spent about 6 ns a byte on them, most of it keeping track of contexts and calling its
 * pretty printer for every value; here a field's new line, indentation and name are one copy.
 * {@code Utf8JsonTest} holds the escaping to Jackson's for any string, and
 * {@code ParallelRenderingTest} whole reports to what Jackson's generator writes.
 */
class Utf8Json {
  /** Levels whose lines and field names are encoded ahead (a report nests five deep); deeper ones are encoded as met. */
  private static final int LEVELS = 8;
  private static final byte[][] LINES = new byte[LEVELS][];
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  /** For each ASCII character: 0 when it is written as it is, else the letter of its short escape, or 'u'. */
  private static final byte[] ESCAPES = new byte[128];
  static final byte[] NULL = bytes("null");
  static final byte[] TRUE = bytes("true");
  static final byte[] FALSE = bytes("false");

  static {
    for (int level = 0; level < LEVELS; level++) {
      LINES[level] = bytes("\n" + "  ".repeat(level));
    }
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  /** A field's name, with the separator, new line and indentation before it, encoded once per level. */
  static final class Name {
    private final String name;
    private final byte[][] first = new byte[LEVELS][];
    private final byte[][] next = new byte[LEVELS][];
    /** As a YAML key: on a line of its own at each level (two spaces a level from level 1), and after a list's dash. */
    final byte[][] yamlLine = new byte[LEVELS][];
    final byte[] yamlAfterDash;

    Name(String name) {
      this.name = name;
      String quoted = quoted(name); // once: a buffer and its tables for each level made 7 MB of garbage at start
      for (int level = 0; level < LEVELS; level++) {
        first[level] = bytes("\n" + "  ".repeat(level) + quoted + ": ");
        next[level] = bytes(",\n" + "  ".repeat(level) + quoted + ": ");
        yamlLine[level] = bytes("\n" + "  ".repeat(Math.max(0, level - 1)) + name + ":");
      }
      yamlAfterDash = bytes(name + ":");
    }

    String name() {
      return name;
    }

    private static String quoted(String name) {
      Utf8Json json = new Utf8Json(name.length() + 2);
      json.string(name);
      return new String(json.toByteArray(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Pieces a buffer remembers at most; past this it forgets them all and starts again. */
  static final int PIECES = 4_096;

  private byte[] bytes;
  private int size;
  private final Map<Object, byte[]> pieces = new IdentityHashMap<>();
  /** Slots of the table of repeated strings, a power of two. */
  private static final int REPEATED = 256;
  private final String[] repeatedKeys = new String[REPEATED];
  private final byte[][] repeatedBytes = new byte[REPEATED][];

  /** Slots of the table of texts seen again, a power of two; and the length from which a text is looked up there. */
  private static final int AGAIN = 1_024;
  private static final int AGAIN_FROM = 32;
  private final String[] againKeys = new String[AGAIN];
  private final byte[][] againBytes = new byte[AGAIN][];

  /** Where the pieces of a string go, one sink for the buffer's life rather than a method reference made for each string. */
  private final java.util.function.Consumer<String> piecesSink = this::again;

  Utf8Json(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /** Empties the buffer to write anew; the pieces it remembers stay. */
  void reset() {
    size = 0;
  }

  /**
   * Empties the buffer to write anew into {@code into}, which it grows into a new array when it
   * fills; the pieces it remembers stay. The array written lies in {@link #array()} until the next
   * reset, so that a caller can pass it on and give it back for a later run instead of copying it.
   */
  void reset(byte[] into) {
    bytes = into;
    size = 0;
  }

  /** The array written into: its first {@link #size()} bytes are what was written since the last reset. */
  byte[] array() {
    return bytes;
  }

  /** Goes back to {@code size} bytes written, dropping what came after. */
  void truncate(int size) {
    this.size = size;
  }

  /** Whether what was just written may be remembered and copied again: always, here. */
  boolean keepable() {
    return true;
  }

  /**
   * The bytes written for {@code key} before, remembered with {@link #piece(Object, int)}; null if
   * none. A piece is remembered by the identity of what it renders, and holds its field name and
   * indentation, so a buffer that remembers pieces renders the items of one list.
   */
  byte[] piece(Object key) {
    return pieces.get(key);
  }

  /** Remembers the bytes written from {@code from} on as the rendering of {@code key}. */
  void piece(Object key, int from) {
    if (pieces.size() >= PIECES) {
      pieces.clear();
    }
    pieces.put(key, toByteArray(from));
  }

  /**
   * Writes {@code key} at {@code level} with {@code piece}, or copies what was written for it
   * before ({@link #piece(Object)}): for what many items share wherever they come (one writer
   * and level per key).
   */
  <T> void remembered(T key, int level, Piece<T> piece) {
    byte[] written = piece(key);
    if (written != null) {
      raw(written);
      return;
    }
    int from = size;
    piece.write(this, key, level);
    if (keepable()) {
      piece(key, from);
    }
  }

  /** Slots of the memo of recent pieces; a power of two. */
  static final int RECENT = 8;
  private final Object[] recentKeys = new Object[RECENT];
  private final Object[] recentTags = new Object[RECENT];
  private final Piece<?>[] recentPieces = new Piece<?>[RECENT];
  private final int[] recentLevels = new int[RECENT];
  private final byte[][] recentBytes = new byte[RECENT][];
  private int recentNext;

  /** What writes a value at a level, for {@link #recently}: a method reference that captures nothing, so none is made per call. */
  interface Piece<T> {
    void write(Utf8Json json, T value, int level);
  }

  /**
   * Writes {@code value} at {@code level} with {@code piece}, or copies what the same piece wrote
   * at the same level for the same {@code key} and {@code tag} lately: for what items that come
   * one after another often share (the engine keeps equal lists of reasons once). Values so
   * known must be written alike; a key is one object (a shared empty list too), so the piece,
   * the level and the tag tell apart what is written of it. Slots are found by comparing a few
   * references, where the table of pieces hashes each key's identity (a call into the JVM in
   * code C1 compiled), and bytes are kept from a key's second sight, so that what is never
   * shared is not copied.
   */
  <T> void recently(Object key, Object tag, T value, int level, Piece<T> piece) {
    int slot = -1;
    for (int i = 0; i < RECENT; i++) {
      if (recentKeys[i] == key && recentTags[i] == tag && recentPieces[i] == piece && recentLevels[i] == level) {
        slot = i;
        break;
      }
    }
    if (slot >= 0 && recentBytes[slot] != null) {
      raw(recentBytes[slot]);
      return;
    }
    int from = size;
    piece.write(this, value, level);
    if (slot >= 0) {
      if (keepable()) {
        recentBytes[slot] = toByteArray(from);
      }
      return;
    }
    recentKeys[recentNext] = key;
    recentTags[recentNext] = tag;
    recentPieces[recentNext] = piece;
    recentLevels[recentNext] = level;
    recentBytes[recentNext] = null;
    recentNext = (recentNext + 1) & (RECENT - 1);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The bytes written from {@code from} on. */
  byte[] toByteArray(int from) {
    return Arrays.copyOfRange(bytes, from, size);
  }

  int size() {
    return size;
  }

  /** {@code name} as an object's field at {@code level}: the first of its object, or one after a comma. */
  Utf8Json field(Name name, int level, boolean first) {
    if (level >= LEVELS) {
      raw(bytes((first ? "\n" : ",\n") + "  ".repeat(level) + Name.quoted(name.name) + ": "));
      return this;
    }
    return raw(first ? name.first[level] : name.next[level]);
  }

  Utf8Json startObject() {
    return raw('{');
  }

  Utf8Json startArray() {
    return raw('[');
  }

  /** Before an item of a list at {@code level}: a comma unless it is the first, a new line, the indentation. */
  Utf8Json item(int level, boolean first) {
    if (!first) {
      raw(',');
    }
    return line(level);
  }

  /** Closes an object whose fields are one level deeper than {@code level}: {@code " }"} when it has none. */
  Utf8Json endObject(int level, boolean empty) {
    return empty ? raw(' ').raw('}') : line(level).raw('}');
  }

  /** Closes a list whose items are one level deeper than {@code level}: {@code " ]"} when it has none. */
  Utf8Json endArray(int level, boolean empty) {
    return empty ? raw(' ').raw(']') : line(level).raw(']');
  }

  private Utf8Json line(int level) {
    return raw(level < LEVELS ? LINES[level] : bytes("\n" + "  ".repeat(level)));
  }

  Utf8Json number(int value) {
    if (value < 0) {
      return ascii(Integer.toString(value)); // never a line or a count; the digits below are for those
    }
    int digits = 1;
    for (int rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensure(digits);
    for (int i = size + digits - 1, rest = value; i >= size; i--, rest /= 10) {
      bytes[i] = (byte) ('0' + rest % 10);
    }
    size += digits;
    return this;
  }

  /** As Jackson writes a BigDecimal with {@code WRITE_BIGDECIMAL_AS_PLAIN}. */
  Utf8Json number(BigDecimal value) {
    return value == null ? raw(NULL) : ascii(value.toPlainString());
  }

  Utf8Json bool(boolean value) {
    return raw(value ? TRUE : FALSE);
  }

  /**
   * A string, quoted and escaped as Jackson escapes it: quote, backslash and control characters
   * (those with a short form as {@code \n}, the others as {@code \u001F}), every other character
   * as its UTF-8 bytes, a surrogate pair as one four-byte character, a lone surrogate as
   * {@code \uD800}. Null is {@code null}.
   */
  Utf8Json string(String value) {
    if (value == null) {
      return raw(NULL);
    }
    ensure(value.length() + 2);
    bytes[size++] = '"';
    unquoted(value);
    ensure(1);
    bytes[size++] = '"';
    return this;
  }

  /**
   * A text that may come again as the same object, as a rule's message does (most rules give
   * every failure mode they match the same text): as {@link #string(String)}, its encoding
   * remembered by identity from the second time it comes, so a text met once costs a slot of a
   * small table and not a copy, and one met again is copied rather than escaped. Any string is
   * right here.
   */
  Utf8Json text(String value) {
    if (value == null) {
      return raw(NULL);
    }
    openPieces();
    again(value);
    return closePieces();
  }

  /** A text's characters escaped, without the quotes, from the table when it came before. */
  private void again(String value) {
    if (value.length() < AGAIN_FROM) {
      unquoted(value);
      return;
    }
    // slotted by the string's own hash, which a text met before has cached (the engine keeps equal
    // reasons once, and hashed them for that); an identity hash is a call into the JVM in C1 code
    int hash = value.hashCode();
    int slot = (hash ^ (hash >>> 16)) & (AGAIN - 1);
    if (againKeys[slot] != value) {
      againKeys[slot] = value;
      againBytes[slot] = null;
      unquoted(value);
      return;
    }
    byte[] written = againBytes[slot];
    if (written != null) {
      raw(written);
      return;
    }
    int from = size;
    unquoted(value);
    againBytes[slot] = toByteArray(from);
  }

  /**
   * Opens one string given in pieces: give the pieces to the sink returned, then
   * {@link #closePieces}, and it is what {@link #string(String)} writes of their concatenation.
   * Escaping goes character by character, so escaped pieces are the escaped whole, as long as no
   * piece ends in the high half of a surrogate pair whose low half starts the next (such a piece
   * is escaped as a lone surrogate here). {@code Violation} pieces its messages at ASCII text.
   */
  java.util.function.Consumer<String> openPieces() {
    ensure(1);
    bytes[size++] = '"';
    return piecesSink;
  }

  /** Closes the string {@link #openPieces} opened. */
  Utf8Json closePieces() {
    ensure(1);
    bytes[size++] = '"';
    return this;
  }

  /** A string's characters escaped, without the quotes. */
  private void unquoted(String value) {
    int length = value.length();
    ensure(length);
    byte[] out = bytes;
    int at = size;
    int i = 0;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || ESCAPES[c] != 0) {
        break;
      }
      out[at++] = (byte) c;
    }
    size = at;
    if (i < length) {
      rest(value, i);
    }
  }

  /** The rest of a string from its first character that is not plain ASCII. */
  private void rest(String value, int from) {
    int length = value.length();
    for (int i = from; i < length; i++) {
      char c = value.charAt(i);
      ensure(12);
      byte[] out = bytes;
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          out[size++] = (byte) c;
        } else if (escape != 'u') {
          out[size++] = '\\';
          out[size++] = escape;
        } else {
          unicodeEscape(c);
        }
      } else if (c < 0x800) {
        out[size++] = (byte) (0xC0 | (c >> 6));
        out[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        out[size++] = (byte) (0xF0 | (cp >> 18));
        out[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[size++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        unicodeEscape(c);
      } else {
        out[size++] = (byte) (0xE0 | (c >> 12));
        out[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[size++] = (byte) (0x80 | (c & 0x3F));
      }
    }
  }

  private void unicodeEscape(char c) {
    bytes[size++] = '\\';
    bytes[size++] = 'u';
    bytes[size++] = HEX[(c >> 12) & 0xF];
    bytes[size++] = HEX[(c >> 8) & 0xF];
    bytes[size++] = HEX[(c >> 4) & 0xF];
    bytes[size++] = HEX[c & 0xF];
  }

  /**
   * A string that reports repeat, the same object many times over (rule ids, remediation texts,
   * enum spellings, file names): as {@link #string(String)}, its encoding remembered in a small
   * table by identity, so each is escaped once rather than once per result. Any string is right
   * here; a string seen once only costs a table slot.
   */
  Utf8Json repeated(String value) {
    if (value == null) {
      return raw(NULL);
    }
    int slot = value.hashCode() & (REPEATED - 1);
    if (repeatedKeys[slot] == value) {
      return raw(repeatedBytes[slot]);
    }
    int from = size;
    string(value);
    repeatedKeys[slot] = value;
    repeatedBytes[slot] = toByteArray(from);
    return this;
  }

  /** Text known to be plain ASCII that needs no escaping: digits, signs, points. */
  Utf8Json ascii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) text.charAt(i);
    }
    return this;
  }

  Utf8Json raw(byte[] raw) {
    ensure(raw.length);
    System.arraycopy(raw, 0, bytes, size, raw.length);
    size += raw.length;
    return this;
  }

  Utf8Json raw(char c) {
    ensure(1);
    bytes[size++] = (byte) c;
    return this;
  }

  void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
