package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;

/**
 * Utf8Json writes what the report's Jackson generator writes: Jackson is the oracle for every
 * string (quotes, backslashes, control characters, every plane of unicode, surrogates paired and
 * lone, long strings that Jackson writes in segments) and number.
 */
class Utf8JsonTest {
  private static final JsonFactory JACKSON = JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  @Property(tries = 2_000)
  void aStringIsWhatJacksonWrites(@ForAll("text") String text) throws IOException {
    assertThat(utf8(text)).isEqualTo(jackson(text));
  }

  @Provide
  Arbitrary<String> text() {
    String tricky = "\"\\/\n\r\t\b\f\u0000\u001f\u007f\u0080\u00e9\u07ff\u0800\u2028\ud800\udbff\udc00\udfff\ufffe\uffff";
    Arbitrary<String> pairs = Arbitraries.integers().between(0x10000, Character.MAX_CODE_POINT).map(Character::toString);
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(8),
        Arbitraries.strings().withChars(tricky).ofMaxLength(4),
        pairs);
    return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
  }

  @Property(tries = 1_000)
  void aStringInPiecesIsWhatJacksonWritesOfTheWhole(@ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c)
      throws IOException {
    // as a violation's message is pieced: arbitrary text between ASCII pieces
    java.util.List<String> pieces = java.util.List.of("NOT OK: ", a, " [", b, "]", "; ", c, "");
    Utf8Json json = new Utf8Json(0);
    pieces.forEach(json.openPieces());
    byte[] written = json.closePieces().toByteArray();

    assertThat(written).isEqualTo(jackson(String.join("", pieces)));
  }

  @Property(tries = 500)
  void aRepeatedStringIsWrittenAsAnyString(@ForAll("text") String a, @ForAll("text") String b) {
    // the same objects many times, equal text in another object, and more strings than slots
    java.util.List<String> strings = new java.util.ArrayList<>();
    for (int i = 0; i < 600; i++) {
      strings.add(i % 3 == 0 ? a : i % 3 == 1 ? b : new String(a + i));
    }
    Utf8Json plain = new Utf8Json(0);
    Utf8Json repeated = new Utf8Json(0);
    for (String text : strings) {
      plain.string(text);
      repeated.repeated(text);
    }
    assertThat(repeated.toByteArray()).isEqualTo(plain.toByteArray());
  }

  @Property(tries = 300)
  void aTextThatComesAgainIsWrittenAsAnyString(@ForAll("text") String a, @ForAll("text") String b) {
    // texts long enough to be looked up (and short ones), the same objects again and again, equal text in
    // other objects, and far more objects than the table has slots, so slots are taken over
    String longA = "a rule's message, long enough to be remembered: " + a;
    String longB = b + " and more words, so that this text is remembered too";
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      texts.add(switch (i % 5) {
        case 0 -> longA;
        case 1 -> longB;
        case 2 -> new String(longA);
        case 3 -> a;
        default -> "a text met once, number " + i + ": " + b;
      });
    }
    Utf8Json plain = new Utf8Json(0);
    Utf8Json again = new Utf8Json(0);
    Utf8Json pieced = new Utf8Json(0);
    for (String text : texts) {
      plain.string(text);
      again.text(text);
      java.util.function.Consumer<String> sink = pieced.openPieces();
      sink.accept(text);
      sink.accept(" [");
      sink.accept(longB);
      pieced.closePieces();
    }
    assertThat(again.toByteArray()).isEqualTo(plain.toByteArray());
    Utf8Json whole = new Utf8Json(0);
    texts.forEach(text -> whole.string(text + " [" + longB));
    assertThat(pieced.toByteArray()).isEqualTo(whole.toByteArray());
  }

  @Example
  void longStringsAreWhatJacksonWritesInSegments() throws IOException {
    // Jackson writes a long string in segments; a pair may straddle one
    for (int length : new int[] {7_999, 8_000, 8_001, 16_385, 70_000}) {
      String ascii = "a".repeat(length);
      String pairAtTheEdge = "b".repeat(length - 1) + "\ud83d\udca5" + "c\"d";
      String escapes = "\n\"".repeat(length / 2);
      for (String text : new String[] {ascii, pairAtTheEdge, escapes}) {
        assertThat(utf8(text)).isEqualTo(jackson(text));
      }
    }
  }

  @Example
  void fieldsAndListsAtAnyDepthAreLaidOutAsJacksonLaysThemOut() throws IOException {
    Utf8Json.Name name = new Utf8Json.Name("name \"quoted\"");
    for (int level : new int[] {0, 1, 7, 8, 9, 40}) {
      String json = new String(new Utf8Json(0).field(name, level, true).string("a").field(name, level, false).number(1)
          .item(level, true).item(level, false).endObject(level, false).endArray(level, true).toByteArray(), StandardCharsets.UTF_8);
      String line = "\n" + "  ".repeat(level);
      assertThat(json).isEqualTo(line + "\"name \\\"quoted\\\"\": \"a\"," + line + "\"name \\\"quoted\\\"\": 1"
          + line + "," + line + line + "} ]");
    }
  }

  @Example
  void nullIsNull() throws IOException {
    assertThat(new String(new Utf8Json(0).string(null).toByteArray(), StandardCharsets.UTF_8)).isEqualTo("null");
  }

  @Property(tries = 300)
  void aNumberIsWhatJacksonWritesAsPlain(@ForAll("decimals") BigDecimal number, @ForAll int integer) throws IOException {
    assertThat(new Utf8Json(0).number(number).toByteArray()).isEqualTo(jackson(json -> json.writeNumber(number)));
    assertThat(new Utf8Json(0).number(integer).toByteArray()).isEqualTo(jackson(json -> json.writeNumber(integer)));
  }

  @Provide
  Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigIntegers().between(new java.math.BigInteger("-" + "9".repeat(40)), new java.math.BigInteger("9".repeat(40)))
        .flatMap(unscaled -> Arbitraries.integers().between(-20, 40).map(scale -> new BigDecimal(unscaled, scale)));
  }

  @Example
  void aPieceIsRememberedByIdentityAndForgottenPastTheBound() {
    Utf8Json json = new Utf8Json(0);
    Object key = new Object();
    json.string("before");
    int from = json.size();
    json.string("piece");
    json.piece(key, from);
    assertThat(new String(json.piece(key), StandardCharsets.UTF_8)).isEqualTo("\"piece\"");
    assertThat(json.piece(new Object())).isNull();
    for (int i = 0; i < Utf8Json.PIECES; i++) {
      json.piece(new Object(), from);
    }
    assertThat(json.piece(key)).isNull();
  }

  /** Writes a value's text, and counts how often it was asked to. */
  private static final class Counting {
    int calls;

    void write(Utf8Json json, String value, int level) {
      calls++;
      json.string(value + "@" + level);
    }
  }

  @Example
  void aRecentPieceIsCopiedFromItsThirdSightOnlyForTheSameKeyTagWriterAndLevel() {
    Utf8Json json = new Utf8Json(0);
    Counting one = new Counting();
    Counting other = new Counting();
    Utf8Json.Piece<String> piece = one::write; // one object, as a method reference that captures nothing is
    Utf8Json.Piece<String> otherPiece = other::write;
    java.util.List<String> key = java.util.List.of(); // a shared empty list: the same object for every empty list

    for (int i = 0; i < 3; i++) {
      json.recently(key, null, "a", 2, piece);
    }
    assertThat(one.calls).as("written at the first and second sight, copied at the third").isEqualTo(2);
    json.recently(key, null, "a", 2, otherPiece);
    json.recently(key, null, "a", 2, otherPiece);
    json.recently(key, null, "a", 2, otherPiece);
    assertThat(other.calls).as("another writer of the same key: its own slot").isEqualTo(2);
    json.recently(key, null, "a", 3, piece);
    json.recently(key, "tag", "a", 2, piece);
    json.recently(java.util.List.of("x"), null, "a", 2, piece);
    assertThat(one.calls).as("another level, tag or key is written").isEqualTo(5);
    assertThat(new String(json.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("\"a@2\"".repeat(6) + "\"a@3\"\"a@2\"\"a@2\"");

    for (int i = 0; i < Utf8Json.RECENT; i++) {
      json.recently(new Object(), null, "b", 2, piece);
    }
    int before = one.calls;
    json.recently(key, null, "a", 2, piece);
    assertThat(one.calls).as("forgotten after as many others as it keeps").isEqualTo(before + 1);
  }

  private static byte[] utf8(String text) {
    return new Utf8Json(0).string(text).toByteArray();
  }

  private static byte[] jackson(String text) throws IOException {
    return jackson(json -> json.writeString(text));
  }

  private interface Write {
    void to(JsonGenerator json) throws IOException;
  }

  private static byte[] jackson(Write write) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JACKSON.createGenerator(out, JsonEncoding.UTF8)) {
      json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
      write.to(json);
    }
    return out.toByteArray();
  }
}
