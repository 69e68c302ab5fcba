package io.plumbline.topology.installation;

import static io.plumbline.topology.installation.InstallationDriver.B200_PART;
import static io.plumbline.topology.installation.InstallationDriver.T0;
import static io.plumbline.topology.installation.InstallationDriver.b200Type;
import static io.plumbline.topology.installation.InstallationDriver.device;
import static io.plumbline.topology.installation.InstallationDriver.location;
import static io.plumbline.topology.installation.InstallationDriver.rack;
import static io.plumbline.topology.installation.InstallationDriver.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.SubjectKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matching observations to intended devices: serial, BMC MAC, asset tag, location, in order. */
class IdentityMatchingTest {

  private static final String MAC_A = "3c:ec:ef:00:00:0a";
  private static final String MAC_B = "3c:ec:ef:00:00:0b";
  private static final String MAC_X = "3c:ec:ef:00:00:99";

  @TempDir Path stateDir;
  private InstallationDriver t;

  @BeforeEach
  void start() {
    t = new InstallationDriver(stateDir);
    t.types.pipeInput("7", b200Type().build(), T0);
    t.racks.pipeInput("14", rack("14", "R14"), T0);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  @Test
  void serialBeatsBmcMac() {
    t.devices.pipeInput(
        "101", device("101").setSerial("1570024000101").setBmcMac(MAC_A).build(), T0);
    t.devices.pipeInput("102", device("102").setPosition(12.0).setBmcMac(MAC_B).build(), T0);
    // The BMC of device 102's MAC reports device 101's serial: the serial decides.
    t.observed.pipeInput(
        MAC_B, system(MAC_B).setSerialNumber(" 1570024000101  ").build(), T0.plusSeconds(60));

    assertThat(t.inventoryOf("101").getBmcId()).isEqualTo(MAC_B);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
    assertThat(t.inventoryOf("102").getBmcId()).isNull();
    assertThat(t.inventoryOf("102").getStage()).isEqualTo(LifecycleStage.PLANNED);
    assertThat(t.transitions()).noneMatch(d -> d.getType() == DiscrepancyType.UNEXPECTED_DEVICE);
  }

  @Test
  void bmcMacMatchesWhenNoSerialIsKnown() {
    t.devices.pipeInput("101", device("101").setBmcMac("3C-EC-EF-00-00-0A").build(), T0);
    t.observed.pipeInput(MAC_A, system(MAC_A).build(), T0.plusSeconds(60));

    assertThat(t.inventoryOf("101").getBmcId()).isEqualTo(MAC_A);
    assertThat(t.transitions()).isEmpty();
  }

  @Test
  void assetTagMatchesWhenSerialAndMacDoNot() {
    t.devices.pipeInput("101", device("101").setAssetTag("dc1-004211").build(), T0);
    t.observed.pipeInput(
        MAC_X, system(MAC_X).setAssetTag(" DC1-004211 ").build(), T0.plusSeconds(60));

    assertThat(t.inventoryOf("101").getBmcId()).isEqualTo(MAC_X);
  }

  @Test
  void locationMatchesByRackNameAndPosition() {
    t.devices.pipeInput("101", device("101").build(), T0);
    t.observed.pipeInput(
        MAC_X, system(MAC_X).setLocation(location("r-14", 2.0)).build(), T0.plusSeconds(60));

    assertThat(t.inventoryOf("101").getBmcId()).isEqualTo(MAC_X);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void aSkuInTheSerialFieldIsNoSerial() {
    t.devices.pipeInput(
        "101", device("101").setSerial("1570024000101").setBmcMac(MAC_A).build(), T0);
    t.observed.pipeInput(
        MAC_A, system(MAC_A).setSerialNumber(B200_PART).build(), T0.plusSeconds(60));

    assertThat(t.transitions()).isEmpty();
    assertThat(t.inventoryOf("101").getSerial()).isEqualTo("1570024000101");
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void anObservationMatchingTwoDevicesIsAmbiguousAndNotMatched() {
    t.devices.pipeInput("101", device("101").setPosition(2.0).setAssetTag("DUP-1").build(), T0);
    t.devices.pipeInput("102", device("102").setPosition(12.0).setAssetTag("DUP-1").build(), T0);
    t.observed.pipeInput(MAC_X, system(MAC_X).setAssetTag("DUP-1").build(), T0.plusSeconds(60));

    List<Discrepancy> transitions = t.transitions();
    assertThat(transitions).hasSize(1);
    Discrepancy unexpected = transitions.get(0);
    assertThat(unexpected.getType()).isEqualTo(DiscrepancyType.UNEXPECTED_DEVICE);
    assertThat(unexpected.getSubject().getKind()).isEqualTo(SubjectKind.BMC);
    assertThat(unexpected.getId()).isEqualTo("UNEXPECTED_DEVICE:BMC:" + MAC_X);
    assertThat(unexpected.getObserved()).contains("ambiguous").contains("101").contains("102");
    assertThat(t.inventoryOf("101").getBmcId()).isNull();
    assertThat(t.inventoryOf("102").getBmcId()).isNull();
  }

  @Test
  void aLateSerialAssignmentReMatches() {
    t.devices.pipeInput("101", device("101").build(), T0);
    t.observed.pipeInput(
        MAC_X, system(MAC_X).setSerialNumber("1570024000101").build(), T0.plusSeconds(60));
    assertThat(t.transitions())
        .extracting(Discrepancy::getType, Discrepancy::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DiscrepancyType.UNEXPECTED_DEVICE, DiscrepancyState.OPENED));

    // NetBox assigns the serial: the observation is now the device's, the finding resolves.
    t.devices.pipeInput(
        "101", device("101").setSerial("1570024000101").build(), T0.plusSeconds(120));

    assertThat(t.transitions())
        .extracting(Discrepancy::getType, Discrepancy::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DiscrepancyType.UNEXPECTED_DEVICE, DiscrepancyState.RESOLVED));
    assertThat(t.inventoryOf("101").getBmcId()).isEqualTo(MAC_X);
    assertThat(t.inventoryOf("101").getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void aStrongerClaimWinsTheDeviceAndTheWeakerIsUnexpected() {
    t.devices.pipeInput("101", device("101").setSerial("1570024000101").build(), T0);
    t.observed.pipeInput(
        MAC_A, system(MAC_A).setSerialNumber("1570024000101").build(), T0.plusSeconds(60));
    t.observed.pipeInput(
        MAC_B, system(MAC_B).setLocation(location("R14", 2.0)).build(), T0.plusSeconds(90));

    List<Discrepancy> transitions = t.transitions();
    assertThat(transitions)
        .extracting(Discrepancy::getId)
        .containsExactly("UNEXPECTED_DEVICE:BMC:" + MAC_B);
    assertThat(transitions.get(0).getObserved()).contains("matched to bmc " + MAC_A);
    assertThat(t.inventoryOf("101").getBmcId()).isEqualTo(MAC_A);
  }

  @Test
  void unexpectedDeviceResolvesWhenRealityIsFixed() {
    t.devices.pipeInput("101", device("101").setBmcMac(MAC_A).build(), T0);
    // A BMC whose MAC NetBox does not know, at no known location.
    t.observed.pipeInput(MAC_X, system(MAC_X).build(), T0.plusSeconds(60));
    assertThat(t.transitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);

    // The technician records where the box is: its BMC now reports the slot of device 101.
    t.observed.pipeInput(
        MAC_X, system(MAC_X).setLocation(location("R14", 2.0)).build(), T0.plusSeconds(120));

    assertThat(t.transitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void removingTheMatchedDeviceMakesTheObservationUnexpected() {
    t.devices.pipeInput("101", device("101").setBmcMac(MAC_A).build(), T0);
    t.observed.pipeInput(MAC_A, system(MAC_A).build(), T0.plusSeconds(60));
    assertThat(t.transitions()).isEmpty();

    t.devices.pipeInput("101", null, T0.plusSeconds(120));

    assertThat(t.transitions())
        .extracting(Discrepancy::getId, Discrepancy::getState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "UNEXPECTED_DEVICE:BMC:" + MAC_A, DiscrepancyState.OPENED));
  }

  @Test
  void identityIndexEntriesThatBecomeEmptyAreDeleted() {
    String store = "installation-identity-devices-by-serial-store";
    t.devices.pipeInput("101", device("101").setSerial("1570024000101").build(), T0);
    t.devices.pipeInput("101", device("101").setSerial("1570024000999").build(), T0);

    assertThat(indexEntries(store)).containsExactly("1570024000999");

    t.devices.pipeInput("101", null, T0);

    assertThat(indexEntries(store)).isEmpty();
  }

  private List<String> indexEntries(String store) {
    List<String> keys = new java.util.ArrayList<>();
    try (var it = t.driver.getKeyValueStore(store).all()) {
      it.forEachRemaining(kv -> keys.add(String.valueOf(kv.key)));
    }
    return keys;
  }
}
