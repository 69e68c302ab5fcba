package io.plumbline.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

  @Test
  void nearestRankOfOneToOneHundred() {
    double[] sample = new double[100];
    for (int i = 0; i < 100; i++) {
      sample[99 - i] = i + 1; // unsorted on purpose
    }
    Percentiles p = new Percentiles(sample);
    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.at(0.5)).isEqualTo(1);
    assertThat(p.max()).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void smallSamplesRoundTheRankUp() {
    Percentiles p = new Percentiles(new double[] {30, 10, 20});
    assertThat(p.at(50)).isEqualTo(20);
    assertThat(p.at(99)).isEqualTo(30);
    assertThat(p.at(33)).isEqualTo(10);
    assertThat(p.at(34)).isEqualTo(20);
  }

  @Test
  void undetectedSamplesCountAsInfinitelyLate() {
    Percentiles p = new Percentiles(new double[] {5, Double.POSITIVE_INFINITY, 7, 6});
    assertThat(p.at(50)).isEqualTo(6);
    assertThat(p.at(99)).isInfinite();
  }

  @Test
  void emptySampleHasNoPercentiles() {
    Percentiles p = new Percentiles(new double[0]);
    assertThat(p.at(50)).isNaN();
    assertThat(p.max()).isNaN();
  }

  @Test
  void percentOutsideTheRangeIsRefused() {
    Percentiles p = new Percentiles(new double[] {1});
    assertThatThrownBy(() -> p.at(0)).hasMessageContaining("(0, 100]");
    assertThatThrownBy(() -> p.at(101)).hasMessageContaining("(0, 100]");
  }
}
