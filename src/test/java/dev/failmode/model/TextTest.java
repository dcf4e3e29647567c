package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void aCountTakesItsNounInTheSingularForOneOnly() {
    assertThat(Text.count(1, "failure mode")).isEqualTo("1 failure mode");
    assertThat(Text.count(0, "file")).isEqualTo("0 files");
    assertThat(Text.count(19, "failure mode")).isEqualTo("19 failure modes");
  }
}
