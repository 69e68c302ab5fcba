package io.plumbline.topology.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.Severity;
import org.junit.jupiter.api.Test;

class HysteresisTest {

  private final Hysteresis load = new Hysteresis(80, 100, 75, 95, true);

  @Test
  void entersLevelsAtTheirThresholds() {
    assertThat(load.next(null, 79.9)).isNull();
    assertThat(load.next(null, 80)).isEqualTo(Severity.WARNING);
    assertThat(load.next(null, 100)).isEqualTo(Severity.CRITICAL);
    assertThat(load.next(Severity.WARNING, 100)).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void leavesLevelsOnlyBelowTheirClearThresholds() {
    assertThat(load.next(Severity.WARNING, 79)).isEqualTo(Severity.WARNING);
    assertThat(load.next(Severity.WARNING, 75)).isEqualTo(Severity.WARNING);
    assertThat(load.next(Severity.WARNING, 74.9)).isNull();
    assertThat(load.next(Severity.CRITICAL, 96)).isEqualTo(Severity.CRITICAL);
    assertThat(load.next(Severity.CRITICAL, 90)).isEqualTo(Severity.WARNING);
    assertThat(load.next(Severity.CRITICAL, 74)).isNull();
  }

  @Test
  void hoveringAroundTheWarningThresholdHoldsTheLevel() {
    Severity level = null;
    for (double value : new double[] {81, 79, 81, 79, 81, 79}) {
      level = load.next(level, value);
      assertThat(level).isEqualTo(Severity.WARNING);
    }
  }

  @Test
  void exclusiveThresholdsNeedTheValueToExceedThem() {
    Hysteresis inlet = new Hysteresis(27, 32, 26, 31, false);

    assertThat(inlet.next(null, 27)).isNull();
    assertThat(inlet.next(null, 27.1)).isEqualTo(Severity.WARNING);
    assertThat(inlet.next(null, 32)).isEqualTo(Severity.WARNING);
    assertThat(inlet.next(null, 32.5)).isEqualTo(Severity.CRITICAL);
  }

  @Test
  void rejectsClearThresholdsAboveTheirLevels() {
    assertThatThrownBy(() -> new Hysteresis(80, 100, 85, 95, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWarningOnlyLevelNeverEscalates() {
    Hysteresis imbalance = Hysteresis.warningOnly(20, 15, false);

    assertThat(imbalance.next(null, 20)).isNull();
    assertThat(imbalance.next(null, 1_000)).isEqualTo(Severity.WARNING);
    assertThat(imbalance.next(Severity.WARNING, 15)).isEqualTo(Severity.WARNING);
    assertThat(imbalance.next(Severity.WARNING, 14.9)).isNull();
  }

  @Test
  void aCriticalOnlyLevelHoldsUntilBelowItsClearLevel() {
    Hysteresis overload = Hysteresis.criticalOnly(100, 95, false);

    assertThat(overload.next(null, 100)).isNull();
    assertThat(overload.next(null, 100.1)).isEqualTo(Severity.CRITICAL);
    assertThat(overload.next(Severity.CRITICAL, 95)).isEqualTo(Severity.CRITICAL);
    assertThat(overload.next(Severity.CRITICAL, 94.9)).isNull();
  }
}
