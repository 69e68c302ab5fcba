package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class EntryFiltersTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  private final ObjectNode wrongSku =
      json(
          discrepancy(
              DiscrepancyType.WRONG_SKU, Severity.CRITICAL, DiscrepancyState.OPENED, "3", "14"),
          null);
  private final ObjectNode feedOver =
      json(
          discrepancy(
              DiscrepancyType.FEED_OVER_BUDGET,
              Severity.WARNING,
              DiscrepancyState.UPDATED,
              "3",
              "15"),
          Acknowledgement.newBuilder()
              .setDiscrepancyId("x")
              .setBy("facilities")
              .setReason("load shed planned")
              .setAcknowledgedAt(NOW.minusSeconds(60))
              .build());
  private final ObjectNode resolved =
      json(
          discrepancy(
              DiscrepancyType.WRONG_SKU, Severity.CRITICAL, DiscrepancyState.RESOLVED, "4", "16"),
          null);
  private final List<ObjectNode> all = List.of(wrongSku, feedOver, resolved);

  @Test
  void openOnlyByDefault() {
    assertThat(matching(Map.of())).containsExactly(wrongSku, feedOver);
    assertThat(matching(Map.of("state", "all"))).hasSize(3);
    assertThat(matching(Map.of("state", "resolved"))).containsExactly(resolved);
  }

  @Test
  void filtersCombineAndAcceptSeveralValues() {
    assertThat(matching(Map.of("type", "wrong_sku"))).containsExactly(wrongSku);
    assertThat(matching(Map.of("type", "WRONG_SKU,FEED_OVER_BUDGET", "severity", "WARNING")))
        .containsExactly(feedOver);
    assertThat(matching(Map.of("rack", "15,14"))).containsExactly(wrongSku, feedOver);
    assertThat(matching(Map.of("site", "4", "state", "all"))).containsExactly(resolved);
    assertThat(matching(Map.of("domain", "POWER"))).containsExactly(feedOver);
  }

  @Test
  void acknowledgedFilterUsesTheLiveAcknowledgement() {
    assertThat(matching(Map.of("acknowledged", "true"))).containsExactly(feedOver);
    assertThat(matching(Map.of("acknowledged", "false"))).containsExactly(wrongSku);
  }

  @Test
  void aLapsedAcknowledgementNoLongerCounts() {
    Acknowledgement lapsed =
        Acknowledgement.newBuilder()
            .setDiscrepancyId("x")
            .setBy("a")
            .setReason("b")
            .setUntil(NOW.minusSeconds(1))
            .setAcknowledgedAt(NOW.minusSeconds(3600))
            .build();
    assertThat(DiscrepancyJson.isActive(lapsed, NOW)).isFalse();
    assertThat(DiscrepancyJson.isActive(null, NOW)).isFalse();
    Acknowledgement open = Acknowledgement.newBuilder(lapsed).setUntil(null).build();
    assertThat(DiscrepancyJson.isActive(open, NOW)).isTrue();
  }

  @Test
  void typosAreRejectedWithTheirName() {
    assertThatThrownBy(() -> matching(Map.of("typ", "WRONG_SKU")))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("typ");
    assertThatThrownBy(() -> matching(Map.of("type", "WRONG_SKUU")))
        .hasMessageContaining("WRONG_SKUU");
    assertThatThrownBy(() -> matching(Map.of("acknowledged", "yes")))
        .hasMessageContaining("acknowledged");
    assertThatThrownBy(() -> matching(Map.of("rack", "")))
        .hasMessageContaining("rack needs a value");
  }

  @Test
  void devicesMatchBySerialIgnoringPaddingAndCase() {
    ObjectNode device = ApiResponse.JSON.createObjectNode();
    device.put("deviceId", "1402");
    device.put("serial", "  1660124000123a ");
    device.put("rackId", "14");
    Predicate<ObjectNode> bySerial = EntryFilters.devices(Map.of("serial", "1660124000123A"));
    assertThat(bySerial.test(device)).isTrue();
    assertThat(EntryFilters.devices(Map.of("rack", "15")).test(device)).isFalse();
  }

  private List<ObjectNode> matching(Map<String, String> params) {
    Predicate<ObjectNode> filter = EntryFilters.discrepancies(params);
    return all.stream().filter(filter).toList();
  }

  private static ObjectNode json(Discrepancy d, Acknowledgement ack) {
    DiscrepancyView view =
        DiscrepancyView.newBuilder()
            .setId(d.getId())
            .setCurrent(d)
            .setAcknowledgement(ack)
            .setHistory(List.of(d))
            .build();
    return DiscrepancyJson.of(view, NOW, false);
  }

  static Discrepancy discrepancy(
      DiscrepancyType type, Severity severity, DiscrepancyState state, String site, String rack) {
    return Discrepancy.newBuilder()
        .setId(type + ":DEVICE:" + rack)
        .setType(type)
        .setDomain(
            type == DiscrepancyType.WRONG_SKU
                ? DiscrepancyDomain.INSTALLATION
                : DiscrepancyDomain.POWER)
        .setSeverity(severity)
        .setState(state)
        .setSubject(
            Subject.newBuilder()
                .setKind(SubjectKind.DEVICE)
                .setId("14" + rack)
                .setSiteId(site)
                .setRackId(rack)
                .build())
        .setExpected("model DGX B200")
        .setObserved("model DGX H100")
        .setFirstSeen(NOW)
        .setLastSeen(NOW)
        .setChangedAt(NOW)
        .setRevision(1)
        .build();
  }
}
