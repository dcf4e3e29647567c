package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Utf8Yaml writes what the report's Jackson YAML generator writes, for every string it is sure
 * of: Jackson (and SnakeYAML's emitter behind it) is the oracle, for strings made of what picks a
 * scalar's style (indicators at the start and inside, spaces at the ends, quotes, tabs, words YAML
 * reads as booleans or null, numbers, text of every plane, line breaks).
 */
class Utf8YamlTest {
  private static final Utf8Json.Name A = new Utf8Json.Name("a");
  private static final Utf8Json.Name B = new Utf8Json.Name("b");

  @Property(tries = 3_000)
  void whatItIsSureOfIsWhatJacksonWrites(@ForAll("text") String a, @ForAll("text") String b) throws IOException {
    Utf8Yaml yaml = item(a, b);
    if (!yaml.unsure()) {
      assertThat(lines(yaml)).isEqualTo(jackson(a, b));
    }
  }

  @Provide
  Arbitrary<String> text() {
    String tricky = "#,[]{}&*!|>'\"%@`?:- \t.+0123456789eExXoObB_\\~";
    Arbitrary<String> words = Arbitraries.of("yes", "No", "ON", "off", "y", "n", "true", "False", "null", "Null", "~", ".inf", "-.Inf",
        ".nan", "0x1F", "0o17", "0b101", "1_000", "0_", "0__", "+0_", "0_a", "1e3", "6.8523015e+5", "190:20:30", "---", "...", "2/year", "../a.yaml", "été", "中文",
        "\u00a0", "\u0085", "\u2028", "\ufeff", "\ud83d\udca5", "\n", "\r");
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().withChars(tricky).ofMaxLength(4),
        Arbitraries.strings().alpha().ofMaxLength(6),
        Arbitraries.strings().ascii().ofMaxLength(10),
        Arbitraries.strings().all().ofMaxLength(3),
        words);
    return piece.list().ofMaxSize(6).map(pieces -> String.join("", pieces));
  }

  /** The property is not vacuous: the texts reports are made of are written here, and as Jackson writes them. */
  @Test
  void theTextOfReportsIsWrittenHere() throws IOException {
    List<String> texts = List.of("restart it", "users see it (degraded) and there is no SLO in a.yaml to judge it by: declare the SLO",
        "2/year = 2 per 365d x 15 min = 30 min per 365d, 57.1% of the 52.56 min budget", "core/wrong-data-never-ok", "NOT_OK",
        "examples/envoy.yaml", "../../catalogue/a.yaml", "mode 0: été, 中文, a tab\t and a colon: here", "it's \"quoted\", with a \\",
        "ends with a colon:", " leading space", "trailing space ", "- a dash", "# a hash", "a #hash", "key: value", "--- marker",
        "true", "null", "yes", "0x1F", "1e3", "1.0.0-beta", "v1.0", "@someone", "`tick`", "[x]", "{y}", "? q", ":c", "~", "1h");
    List<String> sure = new ArrayList<>();
    for (String text : texts) {
      Utf8Yaml yaml = item(text, "b");
      if (!yaml.unsure()) {
        assertThat(lines(yaml)).as(text).isEqualTo(jackson(text, "b"));
        sure.add(text);
      }
    }
    assertThat(sure).containsExactlyElementsOf(texts);
  }

  @Test
  void whatItIsNotSureOfIsLeftToJackson() {
    for (String text : List.of("", "first\nsecond", "\u00a0no-break space", "next\u0085line", "\ud83d\udca5", "1.5", "+1", "-", ".")) {
      assertThat(item(text, "b").unsure()).as(text).isTrue();
    }
  }

  /** An item of a list one level deep, with fields {@code a} and {@code b}, as lines that end with their line break. */
  @Test
  void textAYamlReaderWouldTakeForADateOrANumberIsQuoted() throws IOException {
    List<String> texts = List.of("2020-01-01", "2001-12-14t21:59:43.10-05:00", "0o17", "1:20", "190:20:30", ".inf", "-.inf", "0x10", "1e3",
        "restart it", "2/year", "v1.2.3", "1.2.3");
    for (String text : texts) {
      Utf8Yaml yaml = item(text, "b");
      String written = yaml.unsure() ? jackson(text, "b") : lines(yaml);
      // read back as YAML 1.1 reads it (SnakeYAML, PyYAML): what was text must be text, the same text
      Object read = ((java.util.Map<?, ?>) new org.yaml.snakeyaml.Yaml().<java.util.List<?>>load(written).get(0)).get("a");
      assertThat(read).as(written).isEqualTo(text);
    }
  }

  private static Utf8Yaml item(String a, String b) {
    Utf8Yaml yaml = new Utf8Yaml(0);
    yaml.item(2, false);
    yaml.startObject();
    yaml.field(A, 3, true).string(a);
    yaml.field(B, 3, false).string(b);
    yaml.endObject(2, false);
    return yaml;
  }

  private static String lines(Utf8Yaml yaml) {
    byte[] utf8 = yaml.toByteArray();
    return new String(utf8, 1, utf8.length - 1, StandardCharsets.UTF_8) + "\n";
  }

  /** What the report's YAML generator writes of the same item, without the line of the list's key. */
  private static String jackson(String a, String b) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator yaml = JsonReport.yamlFactory().createGenerator(text)) {
      yaml.writeStartObject();
      yaml.writeFieldName("list");
      yaml.writeStartArray();
      yaml.writeStartObject();
      yaml.writeStringField("a", a);
      yaml.writeStringField("b", b);
      yaml.writeEndObject();
      yaml.writeEndArray();
      yaml.writeEndObject();
    }
    String written = text.toString();
    return written.substring(written.indexOf('\n') + 1);
  }
}
