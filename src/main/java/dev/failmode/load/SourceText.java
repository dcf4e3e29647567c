package dev.failmode.load;

import dev.failmode.model.Location;
import dev.failmode.model.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bytes of an input file checked and decoded as the format requires: UTF-8 (a UTF-8
 * byte-order mark is allowed and dropped), not binary, not UTF-16 or UTF-32, within the size
 * limit. A file that fails gets one located problem instead of text.
 */
final class SourceText {
  private SourceText() {}

  /** The decoded text, or the problem that stops it being read. */
  record Decoded(String text, Problem problem) {}

  static Decoded decode(byte[] bytes, String file) {
    int start = 0;
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return failed(file, 1, 1, "the file is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8");
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return failed(file, 1, 1, "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
    }
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      start = 3;
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        int[] where = position(bytes, start, i);
        String what = looksLikeUtf16(bytes, start) ? "the file looks like UTF-16 without a byte-order mark; save it as UTF-8"
            : "the file is binary, not YAML text (a NUL byte at byte " + i + ")";
        return failed(file, where[0], where[1], what);
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int[] where = position(bytes, start, offset);
      return failed(file, where[0], where[1], String.format(Locale.ROOT,
          "the file is not valid UTF-8 (byte 0x%02X at byte %d); save it as UTF-8", bytes[offset] & 0xFF, offset));
    }
    out.flip();
    return new Decoded(out.toString(), null);
  }

  private static Decoded failed(String file, int line, int column, String message) {
    return new Decoded(null, new Problem(new Location(file, line, column), "", message));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  // UTF-16 text of ASCII characters has a NUL in every other byte.
  private static boolean looksLikeUtf16(byte[] bytes, int start) {
    int sample = Math.min(bytes.length - start, 64);
    if (sample < 4) {
      return false;
    }
    int evenNuls = 0;
    int oddNuls = 0;
    for (int i = 0; i < sample; i++) {
      if (bytes[start + i] == 0) {
        if (i % 2 == 0) {
          evenNuls++;
        } else {
          oddNuls++;
        }
      }
    }
    return evenNuls >= sample / 2 - 1 && oddNuls == 0 || oddNuls >= sample / 2 - 1 && evenNuls == 0;
  }

  /** The 1-based line and column of a byte offset, counting columns in bytes (close enough for an error). */
  private static int[] position(byte[] bytes, int start, int offset) {
    int line = 1;
    int column = 1;
    for (int i = start; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new int[] {line, column};
  }
}
