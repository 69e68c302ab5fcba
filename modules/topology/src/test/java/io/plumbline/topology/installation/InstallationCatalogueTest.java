package io.plumbline.topology.installation;

import static io.plumbline.topology.installation.InstallationDriver.T0;
import static io.plumbline.topology.installation.InstallationDriver.b200Type;
import static io.plumbline.topology.installation.InstallationDriver.device;
import static io.plumbline.topology.installation.InstallationDriver.emptyReport;
import static io.plumbline.topology.installation.InstallationDriver.gpus;
import static io.plumbline.topology.installation.InstallationDriver.location;
import static io.plumbline.topology.installation.InstallationDriver.rack;
import static io.plumbline.topology.installation.InstallationDriver.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.avro.v1.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installation catalogue on one DGX B200 in rack R14 at U2, matched by BMC MAC: each type
 * opens, updates, and resolves from reality and from intent; partial observations resolve nothing.
 */
class InstallationCatalogueTest {

  private static final String MAC = "3c:ec:ef:01:02:03";
  private static final String SERIAL = "1570024000123";

  @TempDir Path stateDir;
  private InstallationDriver t;

  @BeforeEach
  void start() {
    t = new InstallationDriver(stateDir);
    t.types.pipeInput("7", b200Type().build(), T0);
    t.racks.pipeInput("14", rack("14", "R14"), T0);
    t.racks.pipeInput("15", rack("15", "R15"), T0);
    t.devices.pipeInput("101", node().build(), T0);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private static io.plumbline.avro.v1.IntentDevice.Builder node() {
    return device("101").setSerial(SERIAL).setBmcMac(MAC);
  }

  private static io.plumbline.avro.v1.ObservedSystem.Builder report() {
    return system(MAC).setSerialNumber(SERIAL + "   ").setLocation(location("R14", 2.0));
  }

  private void observe(io.plumbline.avro.v1.ObservedSystem.Builder report, int second) {
    t.observed.pipeInput(MAC, report.build(), T0.plusSeconds(second));
  }

  private List<Discrepancy> transitionsOf(DiscrepancyType type) {
    return t.transitions().stream().filter(d -> d.getType() == type).toList();
  }

  private static List<DiscrepancyState> states(List<Discrepancy> transitions) {
    return transitions.stream().map(Discrepancy::getState).toList();
  }

  @Test
  void aCleanDeviceIsVerifiedWithItsObservedInventory() {
    observe(report(), 60);

    assertThat(t.transitions()).isEmpty();
    ReconciledDevice reconciled = t.inventoryOf("101");
    assertThat(reconciled.getStage()).isEqualTo(LifecycleStage.VERIFIED);
    assertThat(reconciled.getSerial()).isEqualTo(SERIAL);
    assertThat(reconciled.getObservedGpuCount()).isEqualTo(8);
    assertThat(reconciled.getObservedFirmware()).containsEntry("BIOS", "1.3.7");
    assertThat(reconciled.getBmcId()).isEqualTo(MAC);
    assertThat(reconciled.getOpenDiscrepancies()).isZero();
  }

  // ---- COMPONENT_MISMATCH ----

  @Test
  void sevenOfEightGpusOpensComponentMismatchAndUpdates() {
    observe(report().setGpus(gpus(7)), 60);
    List<Discrepancy> opened = transitionsOf(DiscrepancyType.COMPONENT_MISMATCH);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getState()).isEqualTo(DiscrepancyState.OPENED);
    assertThat(opened.get(0).getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(opened.get(0).getExpected()).isEqualTo("8 x NVIDIA B200");
    assertThat(opened.get(0).getObserved()).isEqualTo("7 x NVIDIA B200");
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.INSTALLED);

    observe(report().setGpus(gpus(6)), 120);
    List<Discrepancy> updated = transitionsOf(DiscrepancyType.COMPONENT_MISMATCH);
    assertThat(states(updated)).containsExactly(DiscrepancyState.UPDATED);
    assertThat(updated.get(0).getObserved()).isEqualTo("6 x NVIDIA B200");
  }

  @Test
  void componentMismatchResolvesWhenTheGpuIsBack() {
    observe(report().setGpus(gpus(7)), 60);
    observe(report(), 120);

    assertThat(states(transitionsOf(DiscrepancyType.COMPONENT_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void componentMismatchResolvesWhenTheTypeIsCorrected() {
    observe(report().setGpus(gpus(7)), 60);
    t.types.pipeInput("7", b200Type().setExpectedGpuCount(7).build(), T0.plusSeconds(120));

    assertThat(states(transitionsOf(DiscrepancyType.COMPONENT_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void aWrongGpuModelIsAComponentMismatch() {
    var mixed = new java.util.ArrayList<>(gpus(7));
    mixed.add(
        new io.plumbline.avro.v1.ObservedGpu("GPU_SXM_8", "NVIDIA", "NVIDIA H100", null, null));
    observe(report().setGpus(mixed), 60);

    List<Discrepancy> opened = transitionsOf(DiscrepancyType.COMPONENT_MISMATCH);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getObserved()).isEqualTo("7 x NVIDIA B200, 1 x NVIDIA H100");
  }

  @Test
  void nicCountIsCheckedAgainstTheType() {
    t.types.pipeInput(
        "7", b200Type().setExpectedNicCount(2).setExpectedNicModel("ConnectX-7").build(), T0);
    observe(report().setNics(List.of(nic("NIC1", "ConnectX-7"), nic("DPU1", "BlueField-3"))), 60);

    List<Discrepancy> opened = transitionsOf(DiscrepancyType.COMPONENT_MISMATCH);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getExpected()).isEqualTo("2 x ConnectX-7 NIC");
    assertThat(opened.get(0).getObserved()).isEqualTo("1 x ConnectX-7 NIC");
  }

  private static io.plumbline.avro.v1.ObservedNic nic(String adapter, String model) {
    return io.plumbline.avro.v1.ObservedNic.newBuilder()
        .setAdapterId(adapter)
        .setPortId("1")
        .setModel(model)
        .build();
  }

  @Test
  void aBmcThatCannotReadItsGpusLeavesComponentsUndecided() {
    observe(report().setGpus(gpus(7)), 60);
    t.transitions();

    // Processors could not be read: the list is empty and the read error says why.
    observe(report().setGpus(List.of()).setReadErrors(List.of("Processors: 404")), 120);
    // A partial list with a read error is no evidence either.
    observe(report().setGpus(gpus(8)).setReadErrors(List.of("Processors/GPU_SXM_8: 500")), 180);

    assertThat(transitionsOf(DiscrepancyType.COMPONENT_MISMATCH)).isEmpty();
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.INSTALLED);
  }

  // ---- FIRMWARE_MISMATCH ----

  @Test
  void firmwareOffBaselineOpensOneFindingListingTheComponents() {
    observe(report().setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.1.0")), 60);

    List<Discrepancy> opened = transitionsOf(DiscrepancyType.FIRMWARE_MISMATCH);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getId()).isEqualTo("FIRMWARE_MISMATCH:DEVICE:101");
    assertThat(opened.get(0).getExpected()).isEqualTo("BIOS 1.3.7");
    assertThat(opened.get(0).getObserved()).isEqualTo("BIOS 1.1.0");

    observe(report().setFirmware(Map.of("BMC", "23.01.02", "BIOS", "1.1.0")), 120);
    List<Discrepancy> updated = transitionsOf(DiscrepancyType.FIRMWARE_MISMATCH);
    assertThat(states(updated)).containsExactly(DiscrepancyState.UPDATED);
    assertThat(updated.get(0).getExpected()).isEqualTo("BIOS 1.3.7, BMC 24.09.17");
    assertThat(updated.get(0).getObserved()).isEqualTo("BIOS 1.1.0, BMC 23.01.02");
  }

  @Test
  void firmwareMismatchResolvesByUpdatingTheFirmware() {
    observe(report().setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.1.0")), 60);
    // BIOS not reported this time: undecided, the finding stays open.
    observe(report().setFirmware(Map.of("BMC", "24.09.17")), 120);
    observe(report(), 180);

    List<Discrepancy> transitions = transitionsOf(DiscrepancyType.FIRMWARE_MISMATCH);
    assertThat(states(transitions))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(transitions.get(1).getChangedAt()).isEqualTo(T0.plusSeconds(180));
  }

  @Test
  void firmwareMismatchResolvesByMovingTheBaseline() {
    observe(report().setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.1.0")), 60);
    t.types.pipeInput(
        "7",
        b200Type().setFirmwareBaseline(Map.of("BMC", "24.09.17", "BIOS", "1.1.0")).build(),
        T0.plusSeconds(120));

    assertThat(states(transitionsOf(DiscrepancyType.FIRMWARE_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  // ---- SERIAL_MISMATCH ----

  @Test
  void aDifferentSerialOnTheMatchedSystemOpensSerialMismatch() {
    observe(report().setSerialNumber("1570024000999"), 60);

    List<Discrepancy> opened = transitionsOf(DiscrepancyType.SERIAL_MISMATCH);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getExpected()).isEqualTo(SERIAL);
    assertThat(opened.get(0).getObserved()).isEqualTo("1570024000999");
    assertThat(opened.get(0).getDetail()).contains("BMC_MAC");
  }

  @Test
  void serialMismatchResolvesWhenTheRightChassisIsInstalled() {
    observe(report().setSerialNumber("1570024000999"), 60);
    observe(report(), 120);

    assertThat(states(transitionsOf(DiscrepancyType.SERIAL_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void serialMismatchResolvesWhenNetBoxIsCorrected() {
    observe(report().setSerialNumber("1570024000999"), 60);
    t.devices.pipeInput("101", node().setSerial("1570024000999").build(), T0.plusSeconds(120));

    assertThat(states(transitionsOf(DiscrepancyType.SERIAL_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  // ---- LOCATION_MISMATCH ----

  @Test
  void aBmcReportingAnotherSlotOpensLocationMismatch() {
    observe(report().setLocation(location("R15", 2.0)), 60);

    List<Discrepancy> opened = transitionsOf(DiscrepancyType.LOCATION_MISMATCH);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getExpected()).isEqualTo("rack R14, U2");
    assertThat(opened.get(0).getObserved()).isEqualTo("rack R15, U2");

    observe(report().setLocation(location("R15", 12.0)), 120);
    assertThat(transitionsOf(DiscrepancyType.LOCATION_MISMATCH).get(0).getObserved())
        .isEqualTo("rack R15, U12");
  }

  @Test
  void locationMismatchResolvesWhenTheBoxIsMoved() {
    observe(report().setLocation(location("R15", 2.0)), 60);
    observe(report().setLocation(null), 90);
    observe(report(), 120);

    assertThat(states(transitionsOf(DiscrepancyType.LOCATION_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void locationMismatchResolvesWhenNetBoxMovesTheDevice() {
    observe(report().setLocation(location("R15", 2.0)), 60);
    t.devices.pipeInput("101", node().setRackId("15").build(), T0.plusSeconds(120));

    assertThat(states(transitionsOf(DiscrepancyType.LOCATION_MISMATCH)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  // ---- DEVICE_NOT_SEEN ----

  private static final Instant DEADLINE = T0.plusSeconds(3600);

  /** Advances stream time with an unrelated intent record. */
  private void advanceStreamTimeTo(Instant time) {
    t.devices.pipeInput("999", device("999").setPosition(30.0).build(), time);
  }

  @Test
  void anUnseenDeviceOpensDeviceNotSeenOnceItsDeadlinePasses() {
    t.devices.pipeInput("101", node().setInstallDeadline(DEADLINE).build(), T0);
    advanceStreamTimeTo(DEADLINE.minusSeconds(60));
    assertThat(transitionsOf(DiscrepancyType.DEVICE_NOT_SEEN)).isEmpty();

    advanceStreamTimeTo(DEADLINE.plusSeconds(60));

    List<Discrepancy> opened = transitionsOf(DiscrepancyType.DEVICE_NOT_SEEN);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).getId()).isEqualTo("DEVICE_NOT_SEEN:DEVICE:101");
    assertThat(opened.get(0).getExpected()).contains(DEADLINE.toString());
    assertThat(opened.get(0).getFirstSeen()).isAfterOrEqualTo(DEADLINE);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.PLANNED);
  }

  @Test
  void deviceNotSeenResolvesWhenTheDeviceIsSeen() {
    t.devices.pipeInput("101", node().setInstallDeadline(DEADLINE).build(), T0);
    advanceStreamTimeTo(DEADLINE.plusSeconds(60));
    t.observed.pipeInput(MAC, report().build(), DEADLINE.plusSeconds(120));

    assertThat(states(transitionsOf(DiscrepancyType.DEVICE_NOT_SEEN)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void deviceNotSeenResolvesWhenTheDeadlineMoves() {
    t.devices.pipeInput("101", node().setInstallDeadline(DEADLINE).build(), T0);
    advanceStreamTimeTo(DEADLINE.plusSeconds(60));
    Instant later = DEADLINE.plusSeconds(7 * 86400);
    t.devices.pipeInput("101", node().setInstallDeadline(later).build(), DEADLINE.plusSeconds(120));
    assertThat(states(transitionsOf(DiscrepancyType.DEVICE_NOT_SEEN)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);

    // ...and opens again once the new deadline passes unseen.
    advanceStreamTimeTo(later.plusSeconds(60));
    assertThat(states(transitionsOf(DiscrepancyType.DEVICE_NOT_SEEN)))
        .containsExactly(DiscrepancyState.OPENED);
  }

  @Test
  void deviceNotSeenResolvesWhenTheDeviceLeavesTheDesign() {
    t.devices.pipeInput("101", node().setInstallDeadline(DEADLINE).build(), T0);
    advanceStreamTimeTo(DEADLINE.plusSeconds(60));
    t.devices.pipeInput("101", null, DEADLINE.plusSeconds(120));

    assertThat(states(transitionsOf(DiscrepancyType.DEVICE_NOT_SEEN)))
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void aDeviceSeenBeforeItsDeadlineNeverOpensDeviceNotSeen() {
    t.devices.pipeInput("101", node().setInstallDeadline(DEADLINE).build(), T0);
    observe(report(), 60);
    advanceStreamTimeTo(DEADLINE.plusSeconds(600));

    assertThat(t.transitions()).isEmpty();
  }

  // ---- partial observations ----

  @Test
  void aPartialObservationResolvesNothing() {
    observe(
        report()
            .setSerialNumber("1570024000999")
            .setGpus(gpus(7))
            .setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.1.0"))
            .setLocation(location("R15", 2.0)),
        60);
    assertThat(t.transitions())
        .extracting(Discrepancy::getType)
        .containsExactlyInAnyOrder(
            DiscrepancyType.SERIAL_MISMATCH,
            DiscrepancyType.COMPONENT_MISMATCH,
            DiscrepancyType.FIRMWARE_MISMATCH,
            DiscrepancyType.LOCATION_MISMATCH);

    t.observed.pipeInput(MAC, emptyReport(MAC).build(), T0.plusSeconds(120));
    t.observed.pipeInput(
        MAC, emptyReport(MAC).setReadErrors(List.of()).build(), T0.plusSeconds(180));

    assertThat(t.transitions()).isEmpty();
    assertThat(t.inventoryOf("101").getOpenDiscrepancies()).isEqualTo(4);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.INSTALLED);
  }
}
