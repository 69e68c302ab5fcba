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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DuplicateSerialTest {

  private static final String ID = "DUPLICATE_SERIAL:SERIAL:1570024000123";

  private final SupplyDriver supply = new SupplyDriver();

  @BeforeEach
  void orderTen() {
    supply.line(poLine("4500123", 3, B200, 10, null).build(), T0);
  }

  @AfterEach
  void stop() {
    supply.close();
  }

  @Test
  void theSameSerialInTwoReceiptsOpensIt() {
    supply.receipt(
        receipt("R-1", "4500123", 3, B200, 2, "1570024000123", "1570024000124").build(),
        T0.plusSeconds(60));
    supply.receipt(
        receipt("R-2", "4500123", 3, B200, 1, " 1570024000123  ").build(), T0.plusSeconds(120));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(opened(ID));
    Discrepancy duplicate = transitions.get(0);
    assertThat(duplicate.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(duplicate.getSubject().getKind()).isEqualTo(SubjectKind.SERIAL);
    assertThat(duplicate.getSubject().getId()).isEqualTo("1570024000123");
    assertThat(duplicate.getExpected()).isEqualTo("received once");
    assertThat(duplicate.getObserved()).isEqualTo("received 2 times: R-1, R-2");
    assertThat(duplicate.getFirstSeen()).isEqualTo(T0.plusSeconds(120));
  }

  @Test
  void twiceInOneReceiptCountsToo() {
    supply.receipt(
        receipt("R-1", "4500123", 3, B200, 2, "1570024000123", "1570024000123").build(),
        T0.plusSeconds(60));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(opened(ID));
    assertThat(transitions.get(0).getObserved()).isEqualTo("received 2 times: R-1 x2");
  }

  @Test
  void serialsAreComparedTrimmedAndUpperCased() {
    supply.receipt(receipt("R-1", "4500123", 3, B200, 1, "sn-abc").build(), T0.plusSeconds(60));
    supply.receipt(receipt("R-2", "4500123", 3, B200, 1, " SN-ABC ").build(), T0.plusSeconds(90));

    assertThat(states(supply.transitions()))
        .containsExactly(opened("DUPLICATE_SERIAL:SERIAL:SN-ABC"));
  }

  @Test
  void aThirdReceiptUpdatesItAndCorrectionsResolveIt() {
    supply.receipt(
        receipt("R-1", "4500123", 3, B200, 1, "1570024000123").build(), T0.plusSeconds(60));
    supply.receipt(
        receipt("R-2", "4500123", 3, B200, 1, "1570024000123").build(), T0.plusSeconds(90));
    supply.receipt(
        receipt("R-3", "4500123", 3, B200, 1, "1570024000123").build(), T0.plusSeconds(120));
    List<Discrepancy> opened = supply.transitions();
    assertThat(states(opened)).containsExactly(opened(ID), updated(ID));
    assertThat(opened.get(1).getObserved()).isEqualTo("received 3 times: R-1, R-2, R-3");

    // The dock corrects R-2's scan and voids R-3.
    supply.receipt(
        receipt("R-2", "4500123", 3, B200, 1, "1570024000125").build(), T0.plusSeconds(180));
    supply.receipts.pipeInput("R-3", null, T0.plusSeconds(240));

    List<Discrepancy> corrected = supply.transitions();
    assertThat(states(corrected)).containsExactly(updated(ID), resolved(ID));
    assertThat(corrected.get(1).getChangedAt()).isEqualTo(T0.plusSeconds(240));
  }

  @Test
  void aRedeliveredReceiptIsNotADuplicate() {
    supply.receipt(
        receipt("R-1", "4500123", 3, B200, 1, "1570024000123").build(), T0.plusSeconds(60));
    supply.receipt(
        receipt("R-1", "4500123", 3, B200, 1, "1570024000123").build(), T0.plusSeconds(60));

    assertThat(supply.transitions()).isEmpty();
  }
}
