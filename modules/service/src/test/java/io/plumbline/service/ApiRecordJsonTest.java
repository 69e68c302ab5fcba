package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.serde.AvroJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiRecordJsonTest {

  @Test
  void avroRecordsBecomePlainJson() {
    Discrepancy d =
        EntryFiltersTest.discrepancy(
            DiscrepancyType.WRONG_SKU, Severity.CRITICAL, DiscrepancyState.OPENED, "3", "14");
    ObjectNode json = AvroJson.toJson(d);

    assertThat(json.path("type").asText()).isEqualTo("WRONG_SKU");
    assertThat(json.path("subject").path("rackId").asText()).isEqualTo("14");
    assertThat(json.path("subject").path("url").isNull()).isTrue();
    assertThat(json.path("detail").isNull()).isTrue();
    assertThat(json.path("changedAt").asText()).isEqualTo("2026-11-26T12:00:00Z");
    assertThat(json.path("revision").asInt()).isEqualTo(1);
  }

  @Test
  void oneDiscrepancyCarriesItsHistoryAndAcknowledgementState() {
    Discrepancy opened =
        EntryFiltersTest.discrepancy(
            DiscrepancyType.WRONG_SKU, Severity.WARNING, DiscrepancyState.OPENED, "3", "14");
    Discrepancy updated =
        Discrepancy.newBuilder(opened)
            .setState(DiscrepancyState.UPDATED)
            .setSeverity(Severity.CRITICAL)
            .setRevision(2)
            .build();
    DiscrepancyView view =
        DiscrepancyView.newBuilder()
            .setId(opened.getId())
            .setCurrent(updated)
            .setHistory(List.of(opened, updated))
            .build();

    ObjectNode withHistory = DiscrepancyJson.of(view, Instant.now(), true);
    assertThat(withHistory.path("state").asText()).isEqualTo("UPDATED");
    assertThat(withHistory.path("acknowledged").asBoolean()).isFalse();
    assertThat(withHistory.path("acknowledgement").isNull()).isTrue();
    assertThat(withHistory.path("history")).extracting(JsonNode::toString).hasSize(2);
    assertThat(withHistory.path("history").get(0).path("state").asText()).isEqualTo("OPENED");
    assertThat(DiscrepancyJson.of(view, Instant.now(), false).has("history")).isFalse();
  }

  @Test
  void anAcknowledgementWithoutATransitionIsNotServed() {
    DiscrepancyView view = DiscrepancyView.newBuilder().setId("x").build();
    assertThat(DiscrepancyJson.of(view, Instant.now(), true)).isNull();
  }
}
