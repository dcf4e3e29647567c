package dev.failmode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A result's id is its failure mode's full id, whichever constructor made it. */
class ResultTest {
  private static final FailureMode MODE = new FailureMode("envoy-mesh", "xds-server", "serves-stale-config", "stale routes",
      Effect.STALE_DATA, null, null, null, null, UserImpact.DEGRADED, null, null, null, null, List.of(), List.of(), null,
      new Location("examples/envoy.yaml", 20, 9));

  @Test
  void theIdIsMadeFromTheFailureMode() {
    Result result = new Result(MODE, Decision.NOT_OK, Status.OPEN, List.of(), List.of(), null);

    assertThat(result.id()).isEqualTo("envoy-mesh/xds-server/serves-stale-config").isEqualTo(MODE.fullId());
    assertThat(new Result(MODE.fullId(), MODE, Decision.NOT_OK, Status.OPEN, List.of(), List.of(), null)).isEqualTo(result);
  }

  @ParameterizedTest(name = "id \"{0}\"")
  @ValueSource(strings = {"", "envoy-mesh", "envoy-mesh/xds-server", "envoy-mesh/xds-server/serves-stale-config/",
      "envoy-mesh/xds-server/serves-stale-confiG", "envoy-mesh/xds-serverXserves-stale-config", "envoy-meshXxds-server/serves-stale-config",
      "envoy-mesh/xds-server/other", "other/xds-server/serves-stale-config", "envoy-mesh/other/serves-stale-config",
      "envoy-mesh//xds-server/serves-stale-confi", "envoy-mes/hxds-server/serves-stale-config"})
  void anyOtherIdIsRefused(String id) {
    assertThatThrownBy(() -> new Result(id, MODE, Decision.NOT_OK, Status.OPEN, List.of(), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a result's id is its failure mode's full id envoy-mesh/xds-server/serves-stale-config, not " + id);
  }

  @Test
  void noIdIsRefusedToo() {
    assertThatThrownBy(() -> new Result(null, MODE, Decision.NOT_OK, Status.OPEN, List.of(), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith(", not null");
  }
}
