package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TextTest {
  @Test
  void aCountTakesItsNounInTheSingularForOneOnly() {
    assertThat(Text.count(1, "failure mode")).isEqualTo("1 failure mode");
    assertThat(Text.count(0, "file")).isEqualTo("0 files");
    assertThat(Text.count(19, "failure mode")).isEqualTo("19 failure modes");
  }

  @Test
  void aPercentageShowsMorePlacesRatherThanARoundNumberTheShareIsNot() {
    assertThat(Text.percent(new BigDecimal("0.5"))).isEqualTo("50%");
    assertThat(Text.percent(new BigDecimal("0.50"))).isEqualTo("50%");
    assertThat(Text.percent(new BigDecimal("0.4998"))).isEqualTo("49.98%");
    assertThat(Text.percent(new BigDecimal("0.571428"))).isEqualTo("57.1%");
    assertThat(Text.percent(new BigDecimal("0.00000031709792"))).as("1s of a year at 90%").isEqualTo("0.000032%");
    assertThat(Text.percent(BigDecimal.ZERO)).isEqualTo("0%");
  }

  @Test
  void printableTextKeepsToItsLineAndShowsControlCharactersAsEscapes() {
    String plain = "plain text, tabs\tand all: 日本語 \uD83D\uDCA5 éè [core/x]";
    assertThat(Text.printable(plain)).isSameAs(plain);
    assertThat(Text.printable("renew\n::error file=x::forged\r\nok")).isEqualTo("renew\\n::error file=x::forged\\r\\nok");
    assertThat(Text.printable("x\u001b[31mred\u0007\u0000")).isEqualTo("x\\u001b[31mred\\u0007\\u0000");
    assertThat(Text.printable("del\u007f c1\u0085\u009b")).isEqualTo("del\\u007f c1\\u0085\\u009b");
    assertThat(Text.printable("a\u2028b\u2029c")).isEqualTo("a\\u2028b\\u2029c");
    assertThat(Text.printable("admin\u202e\u2066txt.exe\u2069\u202a")).isEqualTo("admin\\u202e\\u2066txt.exe\\u2069\\u202a");
    assertThat(Text.printable("\n")).isEqualTo("\\n");
    assertThat(Text.printable("")).isEmpty();
    assertThat(Text.printable(null)).isNull();
  }

  @Test
  void aTargetKeepsEveryDecimalItWasWrittenWith() {
    assertThat(Text.target(new BigDecimal("99.99"))).isEqualTo("99.99");
    assertThat(Text.target(new BigDecimal("99.999"))).isEqualTo("99.999");
    assertThat(Text.target(new BigDecimal("99.9995"))).isEqualTo("99.9995");
    assertThat(Text.target(new BigDecimal("99.90"))).isEqualTo("99.9");
    assertThat(Text.target(new BigDecimal("99"))).isEqualTo("99");
    assertThat(Text.target(new BigDecimal("9.9E+1"))).isEqualTo("99");
  }

  @Test
  void aNumberHasAtMostTwoPlacesAndBelowOneThreeSignificantDigits() {
    assertThat(Text.number(new BigDecimal("52.5600"))).isEqualTo("52.56");
    assertThat(Text.number(new BigDecimal("120.000"))).isEqualTo("120");
    assertThat(Text.number(new BigDecimal("0.00274"))).isEqualTo("0.00274");
    assertThat(Text.number(new BigDecimal("0.082191780821"))).as("1/year over 30d").isEqualTo("0.0822");
    assertThat(Text.number(new BigDecimal("0.33333"))).isEqualTo("0.333");
    assertThat(Text.number(new BigDecimal("0.99999"))).isEqualTo("1");
    assertThat(Text.number(new BigDecimal("1.9726"))).isEqualTo("1.97");
  }

  @Test
  void aMachineReadableValueKeepsFourDecimalsAndBelowATenthThreeSignificantDigits() {
    assertThat(Text.rounded(new BigDecimal("0.15224")).toPlainString()).isEqualTo("0.1522");
    assertThat(Text.rounded(new BigDecimal("52.5600")).toPlainString()).isEqualTo("52.56");
    assertThat(Text.rounded(new BigDecimal("0.0027397")).toPlainString()).isEqualTo("0.00274");
    // the budget of 99.999999999% over 30d: never 0 beside a share of 3,170
    assertThat(Text.rounded(new BigDecimal("0.000000432")).toPlainString()).isEqualTo("0.000000432");
    assertThat(Text.rounded(BigDecimal.ZERO).toPlainString()).isEqualTo("0");
    assertThat(Text.rounded(new BigDecimal("120.00000")).toPlainString()).isEqualTo("120");
  }

  @Test
  void numbersAndPercentagesRememberedAndSharedByThreadsAreThoseWorkedOut() throws Exception {
    // shares from a few hundred values, so that they come again, collide in the table's slots and
    // are taken from it by four threads at once; equal values at other scales among them
    Random random = new Random(42);
    List<BigDecimal> shares = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      BigDecimal share = BigDecimal.valueOf(random.nextInt(2_000_000), random.nextInt(7));
      shares.add(share);
      shares.add(share.setScale(share.scale() + 1));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long seed = t;
        wrong.add(threads.submit(() -> {
          Random order = new Random(seed);
          List<String> mismatches = new ArrayList<>();
          for (int i = 0; i < 50_000; i++) {
            BigDecimal share = shares.get(order.nextInt(shares.size()));
            String percent = Text.percent(share);
            if (!percent.equals(Text.percentOf(share))) {
              mismatches.add(share + " -> " + percent);
            }
            String number = Text.number(share);
            if (!number.equals(Text.numberOf(share))) {
              mismatches.add(share + " -> " + number);
            }
          }
          return mismatches;
        }));
      }
      for (Future<List<String>> mismatches : wrong) {
        assertThat(mismatches.get()).isEmpty();
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
