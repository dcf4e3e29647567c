package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import java.util.List;

/** Long strings go out as bytes at once, short text through a buffer: the bytes are UTF-8 of the text, in order. */
class Utf8WriterTest {

  @Property(tries = 200)
  void writesTheUtf8OfWhatItIsGivenInOrder(@ForAll @Size(max = 12) List<@IntRange(min = 0, max = 3) Integer> kinds,
      @ForAll @IntRange(min = 0, max = 20_000) int length) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Writer writer = new Utf8Writer(bytes);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < kinds.size(); i++) {
      String text = text(i, kinds.get(i) == 0 ? length : kinds.get(i) == 1 ? Utf8Writer.LONG + i : 1 + i);
      switch (kinds.get(i) % 3) {
        case 0 -> writer.write(text);
        case 1 -> writer.write(text.toCharArray());
        default -> writer.write(text, 1, text.length() - 1); // from an offset: what is written is the part
      }
      expected.append(kinds.get(i) % 3 == 2 ? text.substring(1) : text);
    }
    writer.write('!');
    writer.flush();

    assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected + "!");
    assertThat(bytes.toByteArray()).isEqualTo((expected + "!").getBytes(StandardCharsets.UTF_8));
  }

  /** Markup, then ASCII, Latin-1 beyond ASCII, the basic plane and a character beyond it (two chars), by turns. */
  private static String text(int seed, int length) {
    String[] pieces = {"plain ascii ", "été · ", "日本 › … ", "\uD83D\uDCA5 "};
    StringBuilder text = new StringBuilder(length + 16).append('<'); // what a write from offset 1 leaves out: never half a character
    for (int i = seed; text.length() < length; i++) {
      text.append(pieces[i % pieces.length]);
    }
    return text.toString();
  }

  /** A character of two chars split between a short write and a long one: the encoder joins its halves. */
  @net.jqwik.api.Example
  void aCharacterSplitBetweenWritesIsWrittenWhole() throws IOException {
    String emoji = "\uD83D\uDCA5";
    String text = "ab" + emoji + "x".repeat(Utf8Writer.LONG + 10) + emoji + "cd";
    int[][] splits = {{3}, {3, 5 + Utf8Writer.LONG}, {text.length() - 3}};
    assertWrittenWhole(text, splits);
    // a first half alone, as a broken escape in a file could make: '?' in its place, before what follows
    assertWrittenWhole("ab\uD83D" + "x".repeat(Utf8Writer.LONG + 10) + "\uDCA5cd", new int[][] {{3}, {3 + Utf8Writer.LONG + 10}});
  }

  private static void assertWrittenWhole(String text, int[][] splits) throws IOException {
    for (int[] at : splits) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      Writer writer = new Utf8Writer(bytes);
      int from = 0;
      for (int cut : at) {
        writer.write(text, from, cut - from);
        from = cut;
      }
      writer.write(text.substring(from));
      writer.flush();
      assertThat(bytes.toByteArray()).as("cut at %s", java.util.Arrays.toString(at)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
