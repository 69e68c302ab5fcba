package io.plumbline.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromqlMetricNamesTest {

  @Test
  void bareSelectorIsItsName() {
    assertThat(PromqlMetricNames.of("up")).containsExactly("up");
  }

  @Test
  void labelMatchersAndTheirValuesAreNotNames() {
    assertThat(
            PromqlMetricNames.of(
                "plumbline_discrepancies_open{severity=\"CRITICAL\", type!~\"A|B_C\"} > 0"))
        .containsExactly("plumbline_discrepancies_open");
  }

  @Test
  void functionsAggregationsGroupingAndRangesAreNotNames() {
    assertThat(
            PromqlMetricNames.of(
                "histogram_quantile(0.99, sum by (le, instance) "
                    + "(rate(plumbline_detection_latency_seconds_bucket[5m])))"))
        .containsExactly("plumbline_detection_latency_seconds_bucket");
  }

  @Test
  void bothSidesOfBinaryOperatorsAndOffsetsAreRead() {
    assertThat(
            PromqlMetricNames.of(
                "sum by (reason) (increase(dead_total[10m]) > 0 or (dead_total unless"
                    + " dead_total offset 10m)) and on(reason) other:recorded > bool 1e3"))
        .containsExactly("dead_total", "other:recorded");
  }

  @Test
  void aggregationWithTrailingGroupingAndGrafanaVariables() {
    assertThat(
            PromqlMetricNames.of(
                "sum(rate(plumbline_ingest_records_total[$__rate_interval])) without (instance)"))
        .containsExactly("plumbline_ingest_records_total");
  }

  @Test
  void recordingRuleNamesWithColonsAreNames() {
    assertThat(PromqlMetricNames.of("sort_desc(plumbline:feed_utilisation_ratio:max)"))
        .containsExactly("plumbline:feed_utilisation_ratio:max");
  }
}
