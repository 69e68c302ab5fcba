package io.plumbline.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumbline.avro.v1.IntentPowerFeed;
import org.junit.jupiter.api.Test;

/** The one usable-power formula, against numbers people check by hand. */
class UsablePowerTest {

  @Test
  void threePhase415Volts60AmpsAt80PercentIs34502Watts() {
    // 415 x 60 x 1.7320508 x 0.8 = 34,502.45 W, the "34.5 kW usable" of the design brief. Rounding
    // the factor to 1.7321 would give 34,503 W; rounding down the exact value gives 34,502 W.
    UsablePower usable = UsablePower.of(415, 60, "three-phase", 80).orElseThrow();

    assertThat(usable.watts()).isCloseTo(34_502.45, within(0.01));
    assertThat(usable.wholeWatts()).isEqualTo(34_502);
    assertThat(usable.formula()).isEqualTo("415 V x 60 A x sqrt3 x 80 %");
    assertThat(usable.explain()).isEqualTo("usable 34,502 W (415 V x 60 A x sqrt3 x 80 %)");
  }

  @Test
  void singlePhase208Volts30AmpsAt80PercentIs4992Watts() {
    UsablePower usable = UsablePower.of(208, 30, "single-phase", 80).orElseThrow();

    assertThat(usable.watts()).isCloseTo(4_992.0, within(1e-9));
    assertThat(usable.wholeWatts()).isEqualTo(4_992);
    assertThat(usable.formula()).isEqualTo("208 V x 30 A x 80 %");
    assertThat(UsablePower.threePhase(feed("single-phase", 208, 30, 80))).isFalse();
  }

  @Test
  void maxUtilizationSetsTheFactor() {
    assertThat(UsablePower.wattsOf(feed("three-phase", 415, 60, 100)))
        .isCloseTo(43_128.06, within(0.01));
    assertThat(UsablePower.wattsOf(feed("three-phase", 415, 60, 50)))
        .isCloseTo(21_564.03, within(0.01));
  }

  @Test
  void threePhase415Volts100AmpsCarriesAFourNodeB200Rack() {
    assertThat(UsablePower.of(415, 100, "three-phase", 80).orElseThrow().wholeWatts())
        .isEqualTo(57_504)
        .isGreaterThan(4 * 14_300);
  }

  @Test
  void threePhaseIsRecognisedInAnySpelling() {
    assertThat(UsablePower.threePhase(feed("3-phase", 415, 60, 80))).isTrue();
    assertThat(UsablePower.threePhase(feed(" Three-Phase ", 415, 60, 80))).isTrue();
    assertThat(UsablePower.wattsOf(feed("3-phase", 415, 60, 80)))
        .isCloseTo(34_502.45, within(0.01));
  }

  @Test
  void dcFeedsWithNegativeVoltageCountByMagnitude() {
    UsablePower usable = UsablePower.of(-48, 100, "single-phase", 80).orElseThrow();

    assertThat(usable.wholeWatts()).isEqualTo(3_840);
    assertThat(usable.formula()).isEqualTo("48 V x 100 A x 80 %");
  }

  @Test
  void fractionalRatingsAreWrittenWithoutTrailingZeros() {
    assertThat(UsablePower.of(230, 32, "single-phase", 82.5).orElseThrow().formula())
        .isEqualTo("230 V x 32 A x 82.5 %");
  }

  @Test
  void missingRatingsGiveNoUsablePower() {
    assertThat(UsablePower.of(0, 60, "three-phase", 80)).isEmpty();
    assertThat(UsablePower.of(415, 0, "three-phase", 80)).isEmpty();
    assertThat(UsablePower.of(415, 60, "three-phase", 0)).isEmpty();
    assertThat(UsablePower.of(Double.NaN, 60, "three-phase", 80)).isEmpty();
    assertThat(UsablePower.wattsOf(feed("three-phase", 415, 0, 80))).isZero();
  }

  @Test
  void perPhaseLimitIsRatedAmpsTimesUtilisation() {
    assertThat(UsablePower.phaseAmps(feed("three-phase", 415, 60, 80)))
        .isCloseTo(48.0, within(1e-9));
  }

  @Test
  void readsTheRatingsOfANetBoxFeedWithItsDefaults() {
    IntentPowerFeed feed =
        IntentPowerFeed.newBuilder()
            .setId("1")
            .setName("R07-A")
            .setSiteId("1")
            .setVoltage(415)
            .setAmperage(60)
            .build();

    assertThat(UsablePower.of(feed).orElseThrow().wholeWatts()).isEqualTo(34_502);
  }

  private static IntentPowerFeed feed(String phase, double volts, double amps, double utilisation) {
    return IntentPowerFeed.newBuilder()
        .setId("501")
        .setName("R02-B")
        .setSiteId("1")
        .setPhase(phase)
        .setVoltage(volts)
        .setAmperage(amps)
        .setMaxUtilizationPercent(utilisation)
        .build();
  }
}
