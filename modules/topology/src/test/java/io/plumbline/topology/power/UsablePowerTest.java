package io.plumbline.topology.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumbline.avro.v1.IntentPowerFeed;
import org.junit.jupiter.api.Test;

class UsablePowerTest {

  @Test
  void threePhase415V60AAt80PercentIs34503W() {
    IntentPowerFeed feed = feed("three-phase", 415, 60, 80);

    // 415 x 60 x 1.7320508 x 0.8 = 34,502.45 W, which the brief rounds to 34,503 W (34.5 kW)
    assertThat(UsablePower.watts(feed)).isCloseTo(34_503.0, within(1.0));
    assertThat(UsablePower.watts(feed)).isCloseTo(34_502.45, within(0.01));
    assertThat(UsablePower.explain(feed))
        .isEqualTo("usable 34,502 W (415 V x 60 A x sqrt(3) x 80 %)");
  }

  @Test
  void singlePhase208V30AAt80PercentIs4992W() {
    IntentPowerFeed feed = feed("single-phase", 208, 30, 80);

    assertThat(UsablePower.watts(feed)).isCloseTo(4_992.0, within(0.001));
    assertThat(UsablePower.threePhase(feed)).isFalse();
  }

  @Test
  void perPhaseLimitIsRatedAmpsTimesUtilisation() {
    assertThat(UsablePower.phaseAmps(feed("three-phase", 415, 60, 80)))
        .isCloseTo(48.0, within(1e-9));
  }

  @Test
  void fullUtilisationIsTheApparentPower() {
    assertThat(UsablePower.watts(feed("three-phase", 415, 60, 100)))
        .isCloseTo(43_128.0, within(1.0));
  }

  static IntentPowerFeed feed(String phase, double volts, double amps, double utilisation) {
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
