package io.plumbline.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

  @Test
  void oneLineOfJsonInInsertionOrderWithRoundedNumbersAndNullForNaN() throws Exception {
    String json =
        new BenchSummary()
            .put("benchmark", "pipeline")
            .put("quick", true)
            .put("nodes", 384L)
            .put("topology_to_exactly_once_pass_through_ratio", 0.123456)
            .put("latency_p99_ms", Double.NaN)
            .toJson();

    assertThat(json).doesNotContain("\n");
    JsonNode node = new ObjectMapper().readTree(json);
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "benchmark",
            "quick",
            "nodes",
            "topology_to_exactly_once_pass_through_ratio",
            "latency_p99_ms");
    assertThat(node.get("benchmark").asText()).isEqualTo("pipeline");
    assertThat(node.get("quick").asBoolean()).isTrue();
    assertThat(node.get("nodes").asLong()).isEqualTo(384);
    assertThat(node.get("topology_to_exactly_once_pass_through_ratio").asDouble()).isEqualTo(0.123);
    assertThat(node.get("latency_p99_ms").isNull()).isTrue();
  }
}
