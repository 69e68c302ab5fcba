package io.plumbline.topology.supply;

import static io.plumbline.topology.supply.SupplyDriver.B200;
import static io.plumbline.topology.supply.SupplyDriver.T0;
import static io.plumbline.topology.supply.SupplyDriver.opened;
import static io.plumbline.topology.supply.SupplyDriver.poLine;
import static io.plumbline.topology.supply.SupplyDriver.receipt;
import static io.plumbline.topology.supply.SupplyDriver.resolved;
import static io.plumbline.topology.supply.SupplyDriver.states;
import static io.plumbline.topology.supply.SupplyDriver.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SHORT_SHIPMENT, OVER_SHIPMENT, LATE_DELIVERY, WRONG_PART_RECEIVED, RECEIPT_FOR_UNKNOWN_PO_LINE.
 */
class PoLineTest {

  private static final Instant EXPECTED = T0.plus(Duration.ofDays(3));
  private static final String SHORT = "SHORT_SHIPMENT:PO_LINE:4500123/3";
  private static final String OVER = "OVER_SHIPMENT:PO_LINE:4500123/3";
  private static final String LATE = "LATE_DELIVERY:PO_LINE:4500123/3";

  private final SupplyDriver supply = new SupplyDriver();

  @AfterEach
  void stop() {
    supply.close();
  }

  private void orderTen(Instant at) {
    supply.line(poLine("4500123", 3, B200, 10, EXPECTED).build(), at);
  }

  @Test
  void anOpenShortLineIsNothingUntilItIsDueThenLateButNotShort() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 7).build(), T0.plusSeconds(3600));
    supply.advanceStreamTime(EXPECTED.minusSeconds(60));
    assertThat(supply.transitions()).isEmpty();

    supply.advanceStreamTime(EXPECTED.plusSeconds(120));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(opened(LATE));
    Discrepancy late = transitions.get(0);
    assertThat(late.getSeverity()).isEqualTo(Severity.WARNING);
    assertThat(late.getSubject().getKind()).isEqualTo(SubjectKind.PO_LINE);
    assertThat(late.getSubject().getId()).isEqualTo("4500123/3");
    assertThat(late.getSubject().getSiteId()).isEqualTo("1");
    assertThat(late.getObserved()).isEqualTo("7 received");
    // Stamped with the moment the line came due, not with when the punctuation ran.
    assertThat(late.getFirstSeen()).isEqualTo(EXPECTED.plusMillis(1));
  }

  @Test
  void closingALateLineShortTurnsLateIntoShort() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 7).build(), T0.plusSeconds(3600));
    supply.advanceStreamTime(EXPECTED.plusSeconds(120));
    assertThat(states(supply.transitions())).containsExactly(opened(LATE));

    supply.line(
        poLine("4500123", 3, B200, 10, EXPECTED).setStatus("closed").build(),
        EXPECTED.plusSeconds(3600));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactlyInAnyOrder(resolved(LATE), opened(SHORT));
    Discrepancy shortShipment = byId(transitions, SHORT);
    assertThat(shortShipment.getSeverity()).isEqualTo(Severity.WARNING);
    assertThat(shortShipment.getExpected()).isEqualTo("10 ordered");
    assertThat(shortShipment.getObserved()).isEqualTo("7 received");
  }

  @Test
  void moreArrivingUpdatesTheLatenessAndTheRestResolvesIt() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 7).build(), T0.plusSeconds(3600));
    supply.advanceStreamTime(EXPECTED.plusSeconds(120));
    supply.transitions();

    supply.receipt(receipt("R-2", "4500123", 3, B200, 2).build(), EXPECTED.plusSeconds(3600));
    List<Discrepancy> partly = supply.transitions();
    supply.receipt(receipt("R-3", "4500123", 3, B200, 1).build(), EXPECTED.plusSeconds(7200));
    List<Discrepancy> complete = supply.transitions();

    assertThat(states(partly)).containsExactly(updated(LATE));
    assertThat(byId(partly, LATE).getObserved()).isEqualTo("9 received");
    assertThat(states(complete)).containsExactly(resolved(LATE));
  }

  @Test
  void theRestArrivingOnAClosedShortLineResolvesTheShortShipment() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 7).build(), T0.plusSeconds(3600));
    supply.line(
        poLine("4500123", 3, B200, 10, EXPECTED).setStatus("closed").build(), T0.plusSeconds(7200));
    assertThat(states(supply.transitions())).containsExactly(opened(SHORT));

    supply.receipt(receipt("R-2", "4500123", 3, B200, 3).build(), T0.plusSeconds(9000));

    assertThat(states(supply.transitions())).containsExactly(resolved(SHORT));
  }

  @Test
  void anOrderReducedToWhatArrivedResolvesTheShortfall() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 7).build(), T0.plusSeconds(3600));
    supply.line(
        poLine("4500123", 3, B200, 10, EXPECTED).setStatus("closed").build(), T0.plusSeconds(7200));
    assertThat(states(supply.transitions())).containsExactly(opened(SHORT));

    supply.line(
        poLine("4500123", 3, B200, 7, EXPECTED).setStatus("closed").build(),
        EXPECTED.plusSeconds(3600));

    assertThat(states(supply.transitions())).containsExactly(resolved(SHORT));
  }

  @Test
  void cancellingALateLineResolvesIt() {
    orderTen(T0);
    supply.advanceStreamTime(EXPECTED.plusSeconds(120));
    assertThat(states(supply.transitions())).containsExactly(opened(LATE));

    supply.line(
        poLine("4500123", 3, B200, 10, EXPECTED).setStatus("cancelled").build(),
        EXPECTED.plusSeconds(3600));

    assertThat(states(supply.transitions())).containsExactly(resolved(LATE));
  }

  @Test
  void aLineClosedShortIsShortAtOnceButNotLate() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 7).build(), T0.plusSeconds(3600));
    supply.line(
        poLine("4500123", 3, B200, 10, EXPECTED).setStatus("closed").build(), T0.plusSeconds(7200));
    assertThat(states(supply.transitions())).containsExactly(opened(SHORT));

    supply.advanceStreamTime(EXPECTED.plusSeconds(120));

    assertThat(supply.transitions()).isEmpty();
  }

  @Test
  void aLaterExpectedDatePostponesTheDeadline() {
    orderTen(T0);
    supply.line(
        poLine("4500123", 3, B200, 10, EXPECTED.plus(Duration.ofDays(2))).build(),
        T0.plusSeconds(60));
    supply.advanceStreamTime(EXPECTED.plusSeconds(120));
    assertThat(supply.transitions()).isEmpty();

    supply.advanceStreamTime(EXPECTED.plus(Duration.ofDays(2)).plusSeconds(120));
    assertThat(states(supply.transitions())).containsExactly(opened(LATE));
  }

  @Test
  void theGraceDelaysTheDeadline() {
    try (SupplyDriver lenient =
        new SupplyDriver(
            new SupplyPolicy(
                EnumSet.of(PoLineStatus.OPEN), Duration.ofHours(12), Duration.ofMinutes(5)))) {
      lenient.line(poLine("4500123", 3, B200, 10, EXPECTED).build(), T0);
      lenient.advanceStreamTime(EXPECTED.plus(Duration.ofHours(11)));
      assertThat(lenient.transitions()).isEmpty();

      lenient.advanceStreamTime(EXPECTED.plus(Duration.ofHours(13)));
      List<Discrepancy> transitions = lenient.transitions();
      assertThat(states(transitions)).containsExactly(opened(LATE));
      assertThat(byId(transitions, LATE).getFirstSeen())
          .isEqualTo(EXPECTED.plus(Duration.ofHours(12)).plusMillis(1));
    }
  }

  @Test
  void overShipmentOpensAtOnceAndACorrectedReceiptResolvesIt() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 12).build(), T0.plusSeconds(3600));

    List<Discrepancy> over = supply.transitions();
    assertThat(states(over)).containsExactly(opened(OVER));
    assertThat(over.get(0).getSeverity()).isEqualTo(Severity.INFO);
    assertThat(over.get(0).getExpected()).isEqualTo("10 ordered");
    assertThat(over.get(0).getObserved()).isEqualTo("12 received");

    supply.receipt(receipt("R-1", "4500123", 3, B200, 10).build(), T0.plusSeconds(7200));

    assertThat(states(supply.transitions())).containsExactly(resolved(OVER));
  }

  @Test
  void overShipmentResolvesWhenTheOrderIsRaised() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 8).build(), T0.plusSeconds(3600));
    supply.receipt(receipt("R-2", "4500123", 3, B200, 4).build(), T0.plusSeconds(3700));
    assertThat(states(supply.transitions())).containsExactly(opened(OVER));

    supply.line(poLine("4500123", 3, B200, 12, EXPECTED).build(), T0.plusSeconds(7200));

    assertThat(states(supply.transitions())).containsExactly(resolved(OVER));
  }

  @Test
  void theWrongPartOpensPerReceiptAndDoesNotCountAsReceived() {
    orderTen(T0);
    supply.receipt(
        receipt("R-1", "4500123", 3, "965-24366-0002-000", 10).build(), T0.plusSeconds(60));
    supply.receipt(
        receipt("R-2", "4500123", 3, "965 24387 0002 000", 10).build(), T0.plusSeconds(90));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(opened("WRONG_PART_RECEIVED:RECEIPT:R-1"));
    Discrepancy wrong = transitions.get(0);
    assertThat(wrong.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(wrong.getSubject().getKind()).isEqualTo(SubjectKind.RECEIPT);
    assertThat(wrong.getExpected()).isEqualTo("part " + B200);
    assertThat(wrong.getObserved()).isEqualTo("part 965-24366-0002-000");
  }

  @Test
  void aRescannedReceiptResolvesTheWrongPart() {
    orderTen(T0);
    supply.receipt(
        receipt("R-1", "4500123", 3, "965-24366-0002-000", 10).build(), T0.plusSeconds(60));
    supply.receipt(receipt("R-1", "4500123", 3, B200, 10).build(), T0.plusSeconds(120));

    assertThat(states(supply.transitions()))
        .containsExactly(
            opened("WRONG_PART_RECEIVED:RECEIPT:R-1"), resolved("WRONG_PART_RECEIVED:RECEIPT:R-1"));
  }

  @Test
  void aCorrectedPurchaseOrderResolvesTheWrongPart() {
    orderTen(T0);
    supply.receipt(
        receipt("R-1", "4500123", 3, "965-24366-0002-000", 10).build(), T0.plusSeconds(60));
    supply.line(
        poLine("4500123", 3, "965-24366-0002-000", 10, EXPECTED).build(), T0.plusSeconds(120));

    assertThat(states(supply.transitions()))
        .containsExactly(
            opened("WRONG_PART_RECEIVED:RECEIPT:R-1"), resolved("WRONG_PART_RECEIVED:RECEIPT:R-1"));
  }

  @Test
  void aReceiptBeforeItsLineIsUnknownUntilTheErpExportsTheLine() {
    supply.receipt(receipt("R-1", "4500123", 3, B200, 10).build(), T0.plusSeconds(60));
    List<Discrepancy> unknown = supply.transitions();
    assertThat(states(unknown)).containsExactly(opened("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-1"));
    assertThat(unknown.get(0).getSeverity()).isEqualTo(Severity.WARNING);
    assertThat(unknown.get(0).getExpected()).isEqualTo("PO line 4500123/3");

    orderTen(T0.plusSeconds(120));

    assertThat(states(supply.transitions()))
        .containsExactly(resolved("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-1"));
  }

  @Test
  void aReceiptRebookedOnAnExistingLineOrWithdrawnResolvesUnknownLine() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500132", 3, B200, 10).build(), T0.plusSeconds(60));
    supply.receipt(receipt("R-2", "4500999", 1, B200, 1).build(), T0.plusSeconds(60));
    assertThat(states(supply.transitions()))
        .containsExactly(
            opened("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-1"),
            opened("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-2"));

    supply.receipt(receipt("R-1", "4500123", 3, B200, 10).build(), T0.plusSeconds(120));
    supply.receipts.pipeInput("R-2", null, T0.plusSeconds(180));

    assertThat(states(supply.transitions()))
        .containsExactly(
            resolved("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-1"),
            resolved("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-2"));
  }

  @Test
  void aLineDeletedFromTheErpResolvesItsFindingsAndItsReceiptsBecomeUnknown() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 12).build(), T0.plusSeconds(60));
    assertThat(states(supply.transitions())).containsExactly(opened(OVER));

    supply.poLines.pipeInput("4500123/3", null, T0.plusSeconds(120));

    assertThat(states(supply.transitions()))
        .containsExactly(resolved(OVER), opened("RECEIPT_FOR_UNKNOWN_PO_LINE:RECEIPT:R-1"));
  }

  @Test
  void redeliveredInputsMakeNoNewTransition() {
    orderTen(T0);
    supply.receipt(receipt("R-1", "4500123", 3, B200, 12).build(), T0.plusSeconds(60));
    supply.receipt(receipt("R-1", "4500123", 3, B200, 12).build(), T0.plusSeconds(60));
    orderTen(T0.plusSeconds(90));
    supply.advanceStreamTime(EXPECTED.plusSeconds(120));

    assertThat(states(supply.transitions())).containsExactly(opened(OVER));
  }

  private static Discrepancy byId(List<Discrepancy> transitions, String id) {
    return transitions.stream().filter(d -> d.getId().equals(id)).findFirst().orElseThrow();
  }
}
