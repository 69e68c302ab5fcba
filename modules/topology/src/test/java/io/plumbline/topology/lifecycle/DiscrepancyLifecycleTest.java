package io.plumbline.topology.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscrepancyLifecycleTest {

  private static final Subject DEVICE =
      Subject.newBuilder().setKind(SubjectKind.DEVICE).setId("101").build();

  private static Instant at(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private static Finding wrongSku(Severity severity, String observed) {
    return new Finding(
        DiscrepancyType.WRONG_SKU,
        DiscrepancyDomain.INSTALLATION,
        severity,
        DEVICE,
        "model DGX B200",
        observed,
        null);
  }

  private static Evaluation found(Finding... findings) {
    return new Evaluation(Set.of(DiscrepancyType.WRONG_SKU), List.of(findings));
  }

  @Test
  void opensOnceThenTouchesLastSeenSilently() {
    var first =
        DiscrepancyLifecycle.apply(List.of(), found(wrongSku(Severity.CRITICAL, "H100")), at(10));
    assertThat(first.transitions())
        .singleElement()
        .extracting(Discrepancy::getState)
        .isEqualTo(DiscrepancyState.OPENED);

    var again =
        DiscrepancyLifecycle.apply(
            first.open().values(), found(wrongSku(Severity.CRITICAL, "H100")), at(20));
    assertThat(again.transitions()).isEmpty();
    assertThat(again.open().get("WRONG_SKU:DEVICE:101").getLastSeen()).isEqualTo(at(20));
    assertThat(again.open().get("WRONG_SKU:DEVICE:101").getFirstSeen()).isEqualTo(at(10));
  }

  @Test
  void severityChangeIsAnUpdate() {
    var first =
        DiscrepancyLifecycle.apply(List.of(), found(wrongSku(Severity.WARNING, "H100")), at(10));
    var second =
        DiscrepancyLifecycle.apply(
            first.open().values(), found(wrongSku(Severity.CRITICAL, "H100")), at(20));
    assertThat(second.transitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getState()).isEqualTo(DiscrepancyState.UPDATED);
              assertThat(d.getSeverity()).isEqualTo(Severity.CRITICAL);
              assertThat(d.getRevision()).isEqualTo(2);
            });
  }

  @Test
  void undecidedTypesKeepTheirFindingsOpen() {
    var first =
        DiscrepancyLifecycle.apply(List.of(), found(wrongSku(Severity.CRITICAL, "H100")), at(10));
    var second = DiscrepancyLifecycle.apply(first.open().values(), Evaluation.undecided(), at(20));
    assertThat(second.transitions()).isEmpty();
    assertThat(second.open()).containsKey("WRONG_SKU:DEVICE:101");
  }

  @Test
  void decidedAndAbsentResolves() {
    var first =
        DiscrepancyLifecycle.apply(List.of(), found(wrongSku(Severity.CRITICAL, "H100")), at(10));
    var second = DiscrepancyLifecycle.apply(first.open().values(), found(), at(30));
    assertThat(second.transitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getState()).isEqualTo(DiscrepancyState.RESOLVED);
              assertThat(d.getChangedAt()).isEqualTo(at(30));
              assertThat(d.getFirstSeen()).isEqualTo(at(10));
            });
    assertThat(second.open()).isEmpty();
  }
}
