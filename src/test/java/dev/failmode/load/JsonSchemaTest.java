package dev.failmode.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failmode.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in schema is what {@code failmode schema} prints, and it says what the loader checks. */
class JsonSchemaTest {
  private static final Path CHECKED_IN = Fixtures.project().resolve("schema/failure-modes-v1.json");

  @Test
  void theCheckedInSchemaIsCurrent() throws Exception {
    assertThat(Files.readString(CHECKED_IN))
        .as("schema/failure-modes-v1.json is stale: run ./failmode schema -o schema/failure-modes-v1.json")
        .isEqualTo(JsonSchema.v1());
  }

  @Test
  void itIsDraft2020AndClosedAtEveryLevel() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(JsonSchema.v1());

    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("required")).extracting(JsonNode::asText).containsExactly("apiVersion", "kind", "metadata", "components");
    JsonNode mode = schema.at("/properties/components/items/properties/failureModes/items");
    assertThat(mode.path("additionalProperties").asBoolean(true)).isFalse();
    assertThat(mode.path("required")).extracting(JsonNode::asText).containsExactly("id", "description", "effect");
    assertThat(mode.at("/properties/effect/enum")).extracting(JsonNode::asText).contains("crash", "incorrect-data", "data-loss");
    assertThat(schema.at("/properties/slo/properties/target/oneOf/0/exclusiveMaximum").asInt()).isEqualTo(100);
    assertThat(schema.at("/properties/apiVersion/const").asText()).isEqualTo("failmode/v1");
    assertThat(mode.at("/properties/incidents/items/properties/remediated/type").asText()).isEqualTo("boolean");
  }

  @Test
  void itsPatternsAgreeWithTheLoader() {
    java.util.regex.Pattern durations = java.util.regex.Pattern.compile(pattern("/properties/components/items/properties/tolerance"));
    java.util.regex.Pattern frequencies = java.util.regex.Pattern.compile(
        pattern("/properties/components/items/properties/failureModes/items/properties/frequency"));
    for (String ok : new String[] {"30s", "5m", "1.5h", "1d", "0.5s"}) {
      assertThat(durations.matcher(ok).find()).as(ok).isTrue();
      Notation.duration(ok);
    }
    for (String bad : new String[] {"0m", "5 minutes", "5", "-3m", "1w"}) {
      assertThat(durations.matcher(bad).find()).as(bad).isFalse();
    }
    java.util.regex.Pattern targets = java.util.regex.Pattern.compile(pattern("/properties/slo/properties/target/oneOf/1"));
    for (String target : new String[] {"99.99%", "99.9999999999", "99.90000000000000", "99", "99.0", "0.5", "0.5%", "0.5 %", "1", "1%",
        "100", "0", "0%", "0.0%", "99.9 %", "050", "99.99999999999", "1e", "0.999"}) {
      assertThat(targets.matcher(target).find()).as(target).isEqualTo(loads(() -> Notation.target(target)));
    }
    for (String frequency : new String[] {"4/year", "0/year", "4/yr", "0.5/year", "00001/month", "1000000/day", "1000000.0/day",
        "1000000.5/day", "999999.5/day", "1000001/year", "9999999/year", "99999999999999999999/day"}) {
      assertThat(frequencies.matcher(frequency).find()).as(frequency).isEqualTo(loads(() -> Notation.frequency(frequency)));
    }
  }

  @Test
  void aNumberTargetUnderOneIsRefusedByBothAsAFraction() throws Exception {
    JsonNode number = new ObjectMapper().readTree(JsonSchema.v1()).at("/properties/slo/properties/target/oneOf/0");
    assertThat(number.path("minimum").asInt()).isEqualTo(1);
    assertThat(loads(() -> Notation.target("0.999"))).isFalse();
    assertThat(loads(() -> Notation.target("1"))).isTrue();
  }

  private static boolean loads(Runnable read) {
    try {
      read.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String pattern(String pointer) {
    try {
      return new ObjectMapper().readTree(JsonSchema.v1()).at(pointer + "/pattern").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
