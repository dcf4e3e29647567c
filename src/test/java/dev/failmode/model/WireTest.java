package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireTest {

  static Stream<Class<? extends Enum<?>>> enums() {
    return Stream.of(BlastRadius.class, Cause.class, Claim.class, Decision.class, Detection.class, Effect.class, Maturity.class, Phase.class,
        RemediationStatus.class, RemediationType.class, Role.class, Status.class, Usage.class, UserImpact.class, Frequency.Per.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  <E extends Enum<E>> void everyConstantIsSpelledInKebabCaseAndReadBack(Class<E> type) {
    for (E constant : type.getEnumConstants()) {
      String name = Wire.name(constant);
      assertThat(name).isEqualTo(constant.name().toLowerCase(Locale.ROOT).replace('_', '-')).doesNotContain("_");
      assertThat(Wire.parse(type, name)).contains(constant);
      assertThat(Wire.parse(type, constant.name())).as("the Java spelling is not the file's").isEmpty();
    }
    assertThat(Wire.names(type)).hasSize(type.getEnumConstants().length);
  }

  @Test
  void aConstantWithABodyOfItsOwnIsSpelledAsItsEnum() {
    assertThat(Wire.name(Bodied.TWO_WORDS)).isEqualTo("two-words");
    assertThat(Wire.parse(Bodied.class, "plain")).contains(Bodied.PLAIN);
    assertThat(Wire.parse(Bodied.class, "")).isEmpty();
  }

  enum Bodied {
    PLAIN,
    TWO_WORDS {
      @Override
      public String toString() {
        return "a class of its own";
      }
    }
  }
}
