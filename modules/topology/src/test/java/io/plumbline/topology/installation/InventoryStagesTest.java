package io.plumbline.topology.installation;

import static io.plumbline.topology.installation.InstallationDriver.B200_PART;
import static io.plumbline.topology.installation.InstallationDriver.T0;
import static io.plumbline.topology.installation.InstallationDriver.b200Type;
import static io.plumbline.topology.installation.InstallationDriver.device;
import static io.plumbline.topology.installation.InstallationDriver.location;
import static io.plumbline.topology.installation.InstallationDriver.poLine;
import static io.plumbline.topology.installation.InstallationDriver.rack;
import static io.plumbline.topology.installation.InstallationDriver.system;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ReconciledDevice;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciled inventory with supply joined: PLANNED, ORDERED once covering PO lines order the
 * whole demand for the device's SKU at its site, RECEIVED once a receipt carries its serial (with
 * the receipt and its PO line), INSTALLED and VERIFIED from the BMC; each input moves the stage.
 */
class InventoryStagesTest {

  private static final String MAC = "3c:ec:ef:01:02:03";
  private static final String SERIAL = "1570024000123";

  @TempDir Path stateDir;
  private InstallationDriver t;

  @BeforeEach
  void start() {
    t = new InstallationDriver(stateDir, true);
    t.types.pipeInput("7", b200Type().build(), T0);
    t.racks.pipeInput("14", rack("14", "R14"), T0);
    t.devices.pipeInput("101", device("101").setSerial(SERIAL).setBmcMac(MAC).build(), T0);
  }

  @AfterEach
  void stop() {
    t.close();
  }

  private LifecycleStage stage() {
    return t.inventoryOf("101").getStage();
  }

  @Test
  void aDeviceMovesFromPlannedToVerifiedAsSupplyAndRealityArrive() {
    assertThat(stage()).isEqualTo(LifecycleStage.PLANNED);

    t.line(poLine("4500123", 1, B200_PART, 1).build(), T0.plusSeconds(60));
    ReconciledDevice ordered = t.inventoryOf("101");
    assertThat(ordered.getStage()).isEqualTo(LifecycleStage.ORDERED);
    assertThat(ordered.getPoNumber()).isNull();

    t.receipt("R-7", "4500123", 1, T0.plusSeconds(120), SERIAL.toLowerCase() + " ");
    ReconciledDevice received = t.inventoryOf("101");
    assertThat(received.getStage()).isEqualTo(LifecycleStage.RECEIVED);
    assertThat(received.getReceiptId()).isEqualTo("R-7");
    assertThat(received.getPoNumber()).isEqualTo("4500123");
    assertThat(received.getPoLine()).isEqualTo(1);
    assertThat(received.getSerial()).isEqualTo(SERIAL);

    t.observed.pipeInput(
        MAC,
        system(MAC).setSerialNumber(SERIAL).setLocation(location("R14", 2.0)).build(),
        T0.plusSeconds(180));
    ReconciledDevice verified = t.inventoryOf("101");
    assertThat(verified.getStage()).isEqualTo(LifecycleStage.VERIFIED);
    assertThat(verified.getReceiptId()).isEqualTo("R-7");
  }

  @Test
  void aReceiptIsRecognisedWithoutAPurchaseOrderAndLostWhenVoided() {
    t.receipt("R-7", "4500123", 1, T0.plusSeconds(60), SERIAL);
    assertThat(stage()).isEqualTo(LifecycleStage.RECEIVED);

    t.receipts.pipeInput("R-7", null, T0.plusSeconds(120));

    ReconciledDevice device = t.inventoryOf("101");
    assertThat(device.getStage()).isEqualTo(LifecycleStage.PLANNED);
    assertThat(device.getReceiptId()).isNull();
  }

  @Test
  void aSerialAssignedInNetBoxAfterTheReceiptMakesTheDeviceReceived() {
    t.devices.pipeInput("101", device("101").setBmcMac(MAC).build(), T0);
    t.receipt("R-7", "4500123", 1, T0.plusSeconds(60), SERIAL);
    assertThat(stage()).isEqualTo(LifecycleStage.PLANNED);

    t.devices.pipeInput(
        "101", device("101").setSerial(SERIAL).setBmcMac(MAC).build(), T0.plusSeconds(120));

    assertThat(stage()).isEqualTo(LifecycleStage.RECEIVED);
  }

  @Test
  void partlyCoveredDemandOrdersNoDeviceAndCancellingTheLineUnordersThem() {
    t.line(poLine("4500123", 1, B200_PART, 1).build(), T0.plusSeconds(60));
    assertThat(stage()).isEqualTo(LifecycleStage.ORDERED);

    // A second B200 at the site: 2 needed, 1 ordered; which one is on order is unknown.
    t.devices.pipeInput("102", device("102").setPosition(12.0).build(), T0.plusSeconds(120));
    assertThat(stage()).isEqualTo(LifecycleStage.PLANNED);
    assertThat(t.inventoryOf("102").getStage()).isEqualTo(LifecycleStage.PLANNED);

    t.line(poLine("4500123", 2, B200_PART, 1).build(), T0.plusSeconds(180));
    assertThat(stage()).isEqualTo(LifecycleStage.ORDERED);
    assertThat(t.inventoryOf("102").getStage()).isEqualTo(LifecycleStage.ORDERED);

    t.line(poLine("4500123", 2, B200_PART, 1).setStatus("cancelled").build(), T0.plusSeconds(240));
    assertThat(stage()).isEqualTo(LifecycleStage.PLANNED);
  }

  @Test
  void changesInsideACoveredSkuDoNotTouchEveryDeviceOfIt() {
    t.line(poLine("4500123", 1, B200_PART, 3).build(), T0.plusSeconds(60));
    assertThat(stage()).isEqualTo(LifecycleStage.ORDERED);
    t.inventoryUpdatesOf("101");

    t.devices.pipeInput("102", device("102").setPosition(12.0).build(), T0.plusSeconds(120));
    t.line(poLine("4500123", 1, B200_PART, 4).build(), T0.plusSeconds(180));

    assertThat(t.inventoryUpdatesOf("101")).isEmpty();
    assertThat(t.inventoryOf("102").getStage()).isEqualTo(LifecycleStage.ORDERED);
  }

  @Test
  void aDeviceTypeWithoutPartNumberIsNeverOrdered() {
    t.types.pipeInput("7", b200Type().setPartNumber(null).build(), T0.plusSeconds(30));
    t.line(poLine("4500123", 1, B200_PART, 1).build(), T0.plusSeconds(60));

    assertThat(stage()).isEqualTo(LifecycleStage.PLANNED);
  }
}
