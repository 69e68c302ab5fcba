package io.plumbline.topology.supply;

import static io.plumbline.topology.supply.SupplyDriver.B200;
import static io.plumbline.topology.supply.SupplyDriver.T0;
import static io.plumbline.topology.supply.SupplyDriver.opened;
import static io.plumbline.topology.supply.SupplyDriver.poLine;
import static io.plumbline.topology.supply.SupplyDriver.receipt;
import static io.plumbline.topology.supply.SupplyDriver.resolved;
import static io.plumbline.topology.supply.SupplyDriver.states;
import static io.plumbline.topology.supply.SupplyDriver.system;
import static io.plumbline.topology.supply.SupplyDriver.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DUPLICATE_SERIAL from the Redfish side: one serial reported by the BMCs of two systems. */
class InstalledTwiceTest {

  private static final String SERIAL = "1570024000123";
  private static final String ID = "DUPLICATE_SERIAL:SERIAL:" + SERIAL;
  private static final String BMC_A = "3c:ec:ef:14:00:02";
  private static final String BMC_B = "3c:ec:ef:15:00:12";

  private final SupplyDriver supply = new SupplyDriver();

  @BeforeEach
  void orderTen() {
    supply.line(poLine("4500123", 3, B200, 10, null).build(), T0);
  }

  @AfterEach
  void stop() {
    supply.close();
  }

  private void observe(ObservedSystem system, int second) {
    supply.observed.pipeInput(system.getBmcId(), system, T0.plusSeconds(second));
  }

  @Test
  void oneSerialReceivedOnceAndInstalledOnceIsClean() {
    supply.receipt(receipt("R-1", "4500123", 3, B200, 1, SERIAL).build(), T0.plusSeconds(60));
    observe(system(BMC_A, SERIAL, "R14", 2), 120);
    // The same BMC polled again is still one place.
    observe(system(BMC_A, " " + SERIAL.toLowerCase() + " ", "R14", 2), 180);

    assertThat(supply.transitions()).isEmpty();
  }

  @Test
  void twoSystemsReportingOneSerialOpenOneFindingNamingBothPlaces() {
    observe(system(BMC_A, SERIAL, "R14", 2), 60);
    observe(system(BMC_B, SERIAL + "  ", "R15", 12), 120);

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(opened(ID));
    Discrepancy duplicate = transitions.get(0);
    assertThat(duplicate.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(duplicate.getSubject().getKind()).isEqualTo(SubjectKind.SERIAL);
    assertThat(duplicate.getExpected()).isEqualTo("installed in one place");
    assertThat(duplicate.getObserved())
        .isEqualTo(
            "installed in 2 places: bmc "
                + BMC_A
                + " (bmc-r14-u2) in rack R14 U2, bmc "
                + BMC_B
                + " (bmc-r15-u12) in rack R15 U12");
  }

  @Test
  void oneSystemReportingAnotherSerialResolvesIt() {
    observe(system(BMC_A, SERIAL, "R14", 2), 60);
    observe(system(BMC_B, SERIAL, "R15", 12), 120);
    supply.transitions();

    // The second chassis was misread: its BMC now reports its own serial.
    observe(system(BMC_B, "1570024000999", "R15", 12), 180);

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(resolved(ID));
    assertThat(transitions.get(0).getChangedAt()).isEqualTo(T0.plusSeconds(180));
  }

  @Test
  void aBmcThatStopsReportingASerialNoLongerCountsAsAPlace() {
    observe(system(BMC_A, SERIAL, "R14", 2), 60);
    observe(system(BMC_B, SERIAL, "R15", 12), 120);
    supply.transitions();

    observe(ObservedSystem.newBuilder(system(BMC_B, null, "R15", 12)).build(), 180);

    assertThat(states(supply.transitions())).containsExactly(resolved(ID));
  }

  @Test
  void receivedTwiceAndInstalledTwiceIsOneFindingThatUpdatesAsEachSideIsCorrected() {
    supply.receipt(receipt("R-1", "4500123", 3, B200, 1, SERIAL).build(), T0.plusSeconds(60));
    supply.receipt(receipt("R-2", "4500123", 3, B200, 1, SERIAL).build(), T0.plusSeconds(70));
    observe(system(BMC_A, SERIAL, "R14", 2), 80);
    observe(system(BMC_B, SERIAL, "R15", 12), 90);

    List<Discrepancy> opened = supply.transitions();
    assertThat(states(opened)).containsExactly(opened(ID), updated(ID));
    assertThat(opened.get(1).getExpected()).isEqualTo("received once, installed in one place");
    assertThat(opened.get(1).getObserved())
        .startsWith("received 2 times: R-1, R-2; installed in 2 places: bmc " + BMC_A);

    // The dock voids its second scan: still installed twice.
    supply.receipts.pipeInput("R-2", null, T0.plusSeconds(120));
    List<Discrepancy> receiptFixed = supply.transitions();
    assertThat(states(receiptFixed)).containsExactly(updated(ID));
    assertThat(receiptFixed.get(0).getExpected()).isEqualTo("installed in one place");

    observe(system(BMC_B, "1570024000999", "R15", 12), 180);
    assertThat(states(supply.transitions())).containsExactly(resolved(ID));
  }
}
