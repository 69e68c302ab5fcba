package io.plumbline.topology.installation;

import static io.plumbline.topology.installation.InstallationDriver.B200_PART;
import static io.plumbline.topology.installation.InstallationDriver.RECEIVING_GRACE;
import static io.plumbline.topology.installation.InstallationDriver.T0;
import static io.plumbline.topology.installation.InstallationDriver.b200Type;
import static io.plumbline.topology.installation.InstallationDriver.device;
import static io.plumbline.topology.installation.InstallationDriver.location;
import static io.plumbline.topology.installation.InstallationDriver.poLine;
import static io.plumbline.topology.installation.InstallationDriver.rack;
import static io.plumbline.topology.installation.InstallationDriver.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SERIAL_NOT_RECEIVED on one DGX B200 matched by BMC MAC, with supply joined: it opens only once
 * the reported serial has gone without a receipt for the receiving grace, whichever of receipt and
 * observation arrives first, and resolves when a receipt carries the serial or the system reports a
 * received one.
 */
class SerialNotReceivedTest {

  private static final String MAC = "3c:ec:ef:01:02:03";
  private static final String SERIAL = "1570024000123";
  private static final String ID = "SERIAL_NOT_RECEIVED:DEVICE:101";

  @TempDir Path stateDir;
  private InstallationDriver t;

  @BeforeEach
  void start() {
    t = new InstallationDriver(stateDir, true);
    t.line(poLine("4500123", 1, B200_PART, 1).build(), T0);
    t.types.pipeInput("7", b200Type().build(), T0);
    t.racks.pipeInput("14", rack("14", "R14"), T0);
    t.devices.pipeInput("101", device("101").setSerial(SERIAL).setBmcMac(MAC).build(), T0);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private static ObservedSystem.Builder report(String serial) {
    return system(MAC).setSerialNumber(serial).setLocation(location("R14", 2.0));
  }

  private void observe(ObservedSystem.Builder report, Instant at) {
    t.observed.pipeInput(MAC, report.build(), at);
  }

  /** Moves the installation task's stream time with a device nobody observes. */
  private void advanceStreamTime(Instant to) {
    t.devices.pipeInput("999", device("999").setRackId("15").build(), to);
  }

  private List<Discrepancy> transitions() {
    return t.transitions().stream()
        .filter(d -> d.getType() == DiscrepancyType.SERIAL_NOT_RECEIVED)
        .toList();
  }

  @Test
  void aSerialNoReceiptCarriesOpensOnceTheGraceHasPassed() {
    Instant seen = T0.plusSeconds(60);
    observe(report(SERIAL), seen);
    advanceStreamTime(seen.plus(RECEIVING_GRACE).minusSeconds(60));
    assertThat(transitions()).isEmpty();
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);

    // Nothing about the device arrives: the stream-time punctuation decides.
    advanceStreamTime(seen.plus(RECEIVING_GRACE).plusSeconds(120));

    List<Discrepancy> opened = transitions();
    assertThat(opened).extracting(Discrepancy::getState).containsExactly(DiscrepancyState.OPENED);
    Discrepancy finding = opened.get(0);
    assertThat(finding.getId()).isEqualTo(ID);
    assertThat(finding.getSeverity()).isEqualTo(Severity.WARNING);
    assertThat(finding.getSubject().getKind()).isEqualTo(SubjectKind.DEVICE);
    assertThat(finding.getExpected()).isEqualTo("serial " + SERIAL + " on a dock receipt");
    assertThat(finding.getObserved()).isEqualTo("serial " + SERIAL + " on no receipt");
    assertThat(finding.getDetail()).contains("since " + seen);
    ReconciledDevice device = t.inventoryOf("101");
    assertThat(device.getStage()).isEqualTo(LifecycleStage.INSTALLED);
    assertThat(device.getReceiptId()).isNull();
  }

  @Test
  void aReceiptArrivingLateResolvesItAndNamesTheReceiptInTheInventory() {
    observe(report(SERIAL), T0.plusSeconds(60));
    advanceStreamTime(T0.plus(RECEIVING_GRACE).plusSeconds(180));
    assertThat(transitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);

    t.receipt("R-1", "4500123", 1, T0.plus(RECEIVING_GRACE).plusSeconds(240), " " + SERIAL + " ");

    assertThat(transitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
    ReconciledDevice device = t.inventoryOf("101");
    assertThat(device.getStage()).isEqualTo(LifecycleStage.VERIFIED);
    assertThat(device.getReceiptId()).isEqualTo("R-1");
    assertThat(device.getPoNumber()).isEqualTo("4500123");
    assertThat(device.getPoLine()).isEqualTo(1);
  }

  @Test
  void aReceiptWithinTheGraceGivesTheSameVerdictAsOneBeforeTheObservation() {
    // Observation first, receipt 5 minutes later.
    observe(report(SERIAL), T0.plusSeconds(60));
    t.receipt("R-1", "4500123", 1, T0.plusSeconds(360), SERIAL);
    advanceStreamTime(T0.plus(RECEIVING_GRACE).plusSeconds(600));
    List<Discrepancy> observationFirst = transitions();
    ReconciledDevice afterObservationFirst = t.inventoryOf("101");

    try (InstallationDriver other = new InstallationDriver(stateDir.resolve("other"), true)) {
      other.line(poLine("4500123", 1, B200_PART, 1).build(), T0);
      other.types.pipeInput("7", b200Type().build(), T0);
      other.racks.pipeInput("14", rack("14", "R14"), T0);
      other.devices.pipeInput("101", device("101").setSerial(SERIAL).setBmcMac(MAC).build(), T0);
      // Receipt first.
      other.receipt("R-1", "4500123", 1, T0.plusSeconds(30), SERIAL);
      other.observed.pipeInput(MAC, report(SERIAL).build(), T0.plusSeconds(60));
      other.devices.pipeInput(
          "999", device("999").setRackId("15").build(), T0.plus(RECEIVING_GRACE).plusSeconds(600));

      assertThat(observationFirst).isEmpty();
      assertThat(other.transitions())
          .noneMatch(d -> d.getType() == DiscrepancyType.SERIAL_NOT_RECEIVED);
      ReconciledDevice afterReceiptFirst = other.inventoryOf("101");
      assertThat(afterObservationFirst.getStage())
          .isEqualTo(afterReceiptFirst.getStage())
          .isEqualTo(LifecycleStage.VERIFIED);
      assertThat(afterObservationFirst.getReceiptId())
          .isEqualTo(afterReceiptFirst.getReceiptId())
          .isEqualTo("R-1");
    }
  }

  @Test
  void theSystemReportingAReceivedSerialResolvesIt() {
    t.receipt("R-1", "4500123", 1, T0.plusSeconds(30), SERIAL);
    // The BMC reports a board serial nobody received (a swapped chassis).
    observe(report("1570024000999"), T0.plusSeconds(60));
    observe(report("1570024000999"), T0.plus(RECEIVING_GRACE).plusSeconds(120));
    List<Discrepancy> opened = transitions();
    assertThat(opened).extracting(Discrepancy::getState).containsExactly(DiscrepancyState.OPENED);
    assertThat(opened.get(0).getObserved()).isEqualTo("serial 1570024000999 on no receipt");

    observe(report(SERIAL), T0.plus(RECEIVING_GRACE).plusSeconds(180));

    assertThat(transitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void aSystemReportingNoSerialDecidesNothing() {
    observe(report(null), T0.plusSeconds(60));
    advanceStreamTime(T0.plus(RECEIVING_GRACE).plusSeconds(600));

    assertThat(transitions()).isEmpty();
  }

  @Test
  void withoutSupplyItIsNeverDecided() {
    try (InstallationDriver alone = new InstallationDriver(stateDir.resolve("alone"))) {
      alone.types.pipeInput("7", b200Type().build(), T0);
      alone.racks.pipeInput("14", rack("14", "R14"), T0);
      alone.devices.pipeInput("101", device("101").setSerial(SERIAL).setBmcMac(MAC).build(), T0);
      alone.observed.pipeInput(MAC, report(SERIAL).build(), T0.plusSeconds(60));
      alone.observed.pipeInput(
          MAC, report(SERIAL).build(), T0.plus(RECEIVING_GRACE).plusSeconds(600));

      assertThat(alone.transitions()).isEmpty();
      assertThat(alone.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
    }
  }
}
