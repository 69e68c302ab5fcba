package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscrepancyHistoryTest {

  private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

  @Test
  void countsWhatWasOpenAtEachInstantPerDomain() {
    // Instants 08:10, 08:20, ... 09:00.
    List<Instant> instants =
        DiscrepancyHistory.instants(
            Map.of("from", T0.toString(), "to", T0.plusSeconds(3600).toString(), "points", "6"),
            T0);
    assertThat(instants).hasSize(6).startsWith(T0.plusSeconds(600)).endsWith(T0.plusSeconds(3600));

    Discrepancy opened = at(DiscrepancyType.WRONG_SKU, DiscrepancyState.OPENED, 900, 900);
    Discrepancy resolved = at(DiscrepancyType.WRONG_SKU, DiscrepancyState.RESOLVED, 900, 2500);
    Discrepancy overload = at(DiscrepancyType.FEED_OVER_BUDGET, DiscrepancyState.OPENED, 0, 1300);
    // Only the latest transitions are kept: this one was open from firstSeen before its update.
    Discrepancy updated = at(DiscrepancyType.FEED_OVER_BUDGET, DiscrepancyState.UPDATED, 100, 3000);
    JsonNode json =
        DiscrepancyHistory.of(
                instants,
                List.of(
                    view(resolved, opened, resolved),
                    view(overload, overload),
                    view(updated, updated)))
            .json();

    // WRONG_SKU open from 08:15 to 08:41:40: counted at 08:20, 08:30, 08:40.
    assertThat(counts(json.path("domains").path("INSTALLATION"))).containsExactly(0, 1, 1, 1, 0, 0);
    // One overload from 08:21:40 on; the other from 08:01:40 (its firstSeen) on.
    assertThat(counts(json.path("domains").path("POWER"))).containsExactly(1, 1, 2, 2, 2, 2);
    assertThat(counts(json.path("total"))).containsExactly(1, 2, 3, 3, 2, 2);

    // Another instance's answer adds up.
    DiscrepancyHistory sum = DiscrepancyHistory.empty(instants);
    sum.add(json);
    sum.add(json);
    assertThat(counts(sum.json().path("total"))).containsExactly(2, 4, 6, 6, 4, 4);
  }

  @Test
  void badParametersAreNamed() {
    assertThatThrownBy(() -> DiscrepancyHistory.instants(Map.of("points", "0"), T0))
        .hasMessageContaining("points");
    assertThatThrownBy(() -> DiscrepancyHistory.instants(Map.of("from", "yesterday"), T0))
        .hasMessageContaining("from");
    assertThatThrownBy(() -> DiscrepancyHistory.instants(Map.of("step", "1m"), T0))
        .hasMessageContaining("unknown parameter 'step'");
    assertThatThrownBy(
            () ->
                DiscrepancyHistory.instants(Map.of("from", T0.toString(), "to", T0.toString()), T0))
        .hasMessageContaining("before");
    assertThat(DiscrepancyHistory.instants(Map.of(), T0)).hasSize(60).endsWith(T0);
  }

  private static Discrepancy at(
      DiscrepancyType type, DiscrepancyState state, long firstSeen, long changedAt) {
    return Discrepancy.newBuilder(
            EntryFiltersTest.discrepancy(type, Severity.WARNING, state, "3", type.name()))
        .setFirstSeen(T0.plusSeconds(firstSeen))
        .setChangedAt(T0.plusSeconds(changedAt))
        .build();
  }

  private static DiscrepancyView view(Discrepancy current, Discrepancy... history) {
    return DiscrepancyView.newBuilder()
        .setId(current.getId())
        .setCurrent(current)
        .setHistory(List.of(history))
        .build();
  }

  private static List<Integer> counts(JsonNode array) {
    return array.valueStream().map(JsonNode::asInt).toList();
  }
}
