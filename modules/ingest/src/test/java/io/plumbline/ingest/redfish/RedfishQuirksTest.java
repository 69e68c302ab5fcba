package io.plumbline.ingest.redfish;

import static io.plumbline.ingest.redfish.Crawls.CHASSIS;
import static io.plumbline.ingest.redfish.Crawls.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.ingest.IngestCounters.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The rack-server mockup served with the faults real BMCs have: each test injects one and checks
 * that it is reported per resource and that everything else is still read.
 */
class RedfishQuirksTest {

  private static final String FIRMWARE = "/redfish/v1/UpdateService/FirmwareInventory";

  @Test
  void aLinkThatFailsIsAPerResourceErrorAndTheRestIsRead() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.status(FIRMWARE + "/SS", 404);

      Crawls crawl = Crawls.run(Crawls.against(bmc));

      ObservedSystem system = only(crawl);
      assertThat(system.getReadErrors())
          .containsExactly("GET " + FIRMWARE + "/SS: HTTP 404 Not Found");
      assertThat(system.getFirmware()).containsOnlyKeys("BMC", "BIOS");
      assertThat(system.getGpus()).hasSize(2);
      assertThat(system.getSerialNumber()).isEqualTo("437XR1138R2");
      assertThat(bmc.count("GET", FIRMWARE + "/SS")).as("a 404 is not retried").isEqualTo(1);
      assertThat(crawl.progress())
          .contains("redfish " + bmc.address() + ": 1 system")
          .contains("1 resource errors")
          .contains("GET " + FIRMWARE + "/SS: HTTP 404 Not Found");
      assertThat(crawl.counters.get("redfish.resources", Outcome.REJECTED)).isEqualTo(1);
      // The system and its inlet temperature.
      assertThat(crawl.counters.get("redfish", Outcome.PUBLISHED)).isEqualTo(2);
      assertThat(crawl.status).isEqualTo(1);
    }
  }

  @Test
  void paddedSerialsAreTrimmedAndMissingModelsFallBackOrStayNull() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.rewrite(
              SYSTEM,
              s -> {
                s.put("SerialNumber", "437XR1138R2    ");
                s.putNull("Model");
                s.put("Manufacturer", "");
                return s;
              })
          .rewrite(
              SYSTEM + "/Processors/GPU1",
              gpu -> {
                gpu.put("Model", "   ");
                gpu.put("SerialNumber", " 1654924000102 ");
                return gpu;
              });

      ObservedSystem system = only(Crawls.run(Crawls.against(bmc)));

      assertThat(system.getSerialNumber()).isEqualTo("437XR1138R2");
      assertThat(system.getModel())
          .as("chassis model when the system has none")
          .isEqualTo("3500RX");
      assertThat(system.getManufacturer()).isEqualTo("Contoso");
      assertThat(system.getGpus())
          .extracting(ObservedGpu::getModel, ObservedGpu::getSerialNumber)
          .containsExactly(tuple("NVIDIA B200", "1654924000101"), tuple(null, "1654924000102"));
      assertThat(system.getReadErrors()).isEmpty();
    }
  }

  @Test
  void olderNetworkPortsAreReadWhenPortsAreMissing() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.addResource("redfish/plumbline-additions/nic1-legacy.json")
          .addResource("redfish/plumbline-additions/nic1-networkports.json")
          .addResource("redfish/plumbline-additions/nic1-networkport1.json");

      ObservedSystem system = only(Crawls.run(Crawls.against(bmc)));

      assertThat(system.getNics())
          .extracting(
              ObservedNic::getAdapterId,
              ObservedNic::getPortId,
              ObservedNic::getModel,
              ObservedNic::getMacAddress,
              ObservedNic::getLinkStatus,
              ObservedNic::getLldpNeighbor)
          .containsExactly(tuple("NIC1", "1", "ConnectX-7", "b8:3f:d2:14:00:01", "Up", null));
      assertThat(system.getReadErrors()).isEmpty();
    }
  }

  @Test
  void vendorOemSectionsAreIgnored() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.rewrite(
              SYSTEM,
              s -> {
                ObjectNode oem = s.putObject("Oem").putObject("Hpe");
                oem.put("SerialNumber", "NOT-THIS-ONE");
                oem.putArray("Model").add(1).add(true);
                oem.putObject("Links").putObject("Chassis").put("@odata.id", "/redfish/v1/nowhere");
                return s;
              })
          .rewrite(
              SYSTEM + "/Processors/GPU0",
              gpu -> {
                gpu.putObject("Oem").putObject("Nvidia").put("Model", "H100");
                return gpu;
              });

      ObservedSystem system = only(Crawls.run(Crawls.against(bmc)));

      assertThat(system.getSerialNumber()).isEqualTo("437XR1138R2");
      assertThat(system.getGpus()).extracting(ObservedGpu::getModel).containsOnly("NVIDIA B200");
      assertThat(bmc.count("GET", "/redfish/v1/nowhere")).isZero();
      assertThat(system.getReadErrors()).isEmpty();
    }
  }

  @Test
  void aSlowEndpointTimesOutAndTheOlderPowerResourceIsUsed() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.hang(CHASSIS + "/EnvironmentMetrics");

      Crawls crawl = Crawls.run(Crawls.against(bmc, "--timeout", "300ms", "--retries", "1"));

      ObservedSystem system = only(crawl);
      assertThat(system.getReadErrors())
          .containsExactly("GET " + CHASSIS + "/EnvironmentMetrics: timed out after PT0.3S");
      assertThat(bmc.count("GET", CHASSIS + "/EnvironmentMetrics"))
          .as("a timeout is retried")
          .isEqualTo(2);
      assertThat(system.getPowerWatts()).as("Power.PowerControl").isEqualTo(344.0);
      assertThat(system.getGpus()).hasSize(2);
    }
  }

  @Test
  void a503IsRetriedAndThenRead() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.failFirst(SYSTEM + "/Processors", 1, 503);

      ObservedSystem system = only(Crawls.run(Crawls.against(bmc)));

      assertThat(bmc.count("GET", SYSTEM + "/Processors")).isEqualTo(2);
      assertThat(system.getGpus()).hasSize(2);
      assertThat(system.getReadErrors()).isEmpty();
    }
  }

  @Test
  void a503ThatOutlastsTheRetriesIsReported() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.status(SYSTEM + "/Processors", 503);

      ObservedSystem system = only(Crawls.run(Crawls.against(bmc, "--retries", "2")));

      assertThat(bmc.count("GET", SYSTEM + "/Processors")).isEqualTo(3);
      assertThat(system.getGpus()).isEmpty();
      assertThat(system.getReadErrors())
          .containsExactly("GET " + SYSTEM + "/Processors: HTTP 503 Service Unavailable");
    }
  }

  @Test
  void collectionsArePagedWithNextLinkAndMissingMembersAreEmpty() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      bmc.add(
              FIRMWARE,
              "{\"Members\":[{\"@odata.id\":\""
                  + FIRMWARE
                  + "/BMC\"}],\"Members@odata.count\":3,"
                  + "\"Members@odata.nextLink\":\""
                  + FIRMWARE
                  + "?$skip=1\"}")
          .add(
              FIRMWARE + "?$skip=1",
              "{\"Members\":[{\"@odata.id\":\""
                  + FIRMWARE
                  + "/SS\"},{\"@odata.id\":\""
                  + FIRMWARE
                  + "/BIOS\"}],\"Members@odata.count\":3}")
          .add("/redfish/v1/Managers/BMC/EthernetInterfaces", "{\"Name\":\"no members at all\"}");

      ObservedSystem system = only(Crawls.run(Crawls.against(bmc)));

      assertThat(system.getFirmware()).containsOnlyKeys("BMC", "SS", "BIOS");
      assertThat(system.getBmcMac()).isNull();
      assertThat(system.getBmcId()).as("the host, when no MAC is known").isEqualTo(bmc.address());
      assertThat(system.getReadErrors()).isEmpty();
    }
  }

  @Test
  void anUnreachableBmcIsReportedAndTheOthersAreRead() throws Exception {
    try (MockupServer good = Crawls.rackServerWithGpusAndNics();
        MockupServer broken = MockupServer.http("redfish/public-rackmount1")) {
      broken.status("/redfish/v1", 401);

      Crawls crawl =
          Crawls.run(Crawls.against(good, "--bmc", broken.url().toString(), "--concurrency", "2"));

      assertThat(crawl.sink.values(ObservedSystem.class)).hasSize(1);
      assertThat(crawl.progress())
          .contains(
              "redfish "
                  + broken.address()
                  + ": not read: GET /redfish/v1/: HTTP 401 Unauthorized (check --user and"
                  + " --password-file)");
      assertThat(broken.count("GET", "/redfish/v1/")).as("a 401 is not retried").isEqualTo(1);
      assertThat(crawl.counters.get("redfish", Outcome.REJECTED)).isEqualTo(1);
      assertThat(crawl.status).isEqualTo(1);
    }
  }

  private static ObservedSystem only(Crawls crawl) {
    assertThat(crawl.sink.values(ObservedSystem.class)).hasSize(1);
    return crawl.sink.values(ObservedSystem.class).get(0);
  }
}
