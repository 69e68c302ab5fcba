package io.plumbline.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

  @Test
  void theFullRunIsAHundredThousandGpuSiteAtTenThousandEventsPerSecond() {
    BenchOptions options = BenchOptions.parse();
    assertThat(options.quick()).isFalse();
    assertThat(options.scalableUnits() * 32 * 8).isGreaterThanOrEqualTo(100_000);
    assertThat(options.offeredEventsPerSecond()).isEqualTo(10_000);
  }

  @Test
  void quickIsSmallerAndOptionsOverrideIt() {
    BenchOptions quick = BenchOptions.parse("--quick");
    assertThat(quick.quick()).isTrue();
    assertThat(quick.scalableUnits()).isLessThan(BenchOptions.full().scalableUnits());

    BenchOptions tiny =
        BenchOptions.parse(
            "--scalable-units", "1", "--quick", "--rate", "500", "--latency-seconds", "3");
    assertThat(tiny.quick()).isTrue();
    assertThat(tiny.scalableUnits()).isEqualTo(1);
    assertThat(tiny.offeredEventsPerSecond()).isEqualTo(500);
    assertThat(tiny.latencyDuration()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void restoreOnlyStopsAfterTheRebuildAndIsOffByDefault() {
    assertThat(BenchOptions.parse().restoreOnly()).isFalse();
    BenchOptions options = BenchOptions.parse("--restore-only");
    assertThat(options.restoreOnly()).isTrue();
    assertThat(options.scalableUnits()).isEqualTo(BenchOptions.full().scalableUnits());
  }

  @Test
  void settingsPassThroughToTheReconciler() {
    BenchOptions options =
        BenchOptions.parse(
            "--quick", "--set", "streams.commit.interval.ms=200", "--set", "a.b=x=y");
    assertThat(options.settings())
        .containsEntry("streams.commit.interval.ms", "200")
        .containsEntry("a.b", "x=y")
        .hasSize(2);
    assertThat(BenchOptions.parse("--quick").settings()).isEmpty();
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> BenchOptions.parse("--set")).hasMessageContaining("--set");
    assertThatThrownBy(() -> BenchOptions.parse("--set", "novalue"))
        .hasMessageContaining("novalue");
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("--fast");
    assertThatThrownBy(() -> BenchOptions.parse("--rate")).hasMessageContaining("--rate");
    assertThatThrownBy(() -> BenchOptions.parse("--rate", "many")).hasMessageContaining("many");
    assertThatThrownBy(() -> BenchOptions.parse("--scalable-units", "0"))
        .hasMessageContaining("--scalable-units");
  }
}
