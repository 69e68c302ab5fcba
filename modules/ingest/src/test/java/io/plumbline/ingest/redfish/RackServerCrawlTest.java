package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.topology.PlumblineTopics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Crawls DMTF's public-rackmount1 mockup over HTTP like a real BMC. */
class RackServerCrawlTest {

  @Test
  void readsTheRackServerFieldByField() throws Exception {
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      Crawls crawl = Crawls.run(Crawls.against(bmc));

      assertThat(crawl.sink.values(ObservedSystem.class)).hasSize(1);
      ObservedSystem system = crawl.sink.values(ObservedSystem.class).get(0);
      assertThat(crawl.sink.committed.get(0).topic())
          .isEqualTo(PlumblineTopics.defaultTopics().observedSystems());
      assertThat(crawl.sink.committed.get(0).key()).isEqualTo("23:11:8a:33:cf:ea");
      assertThat(system.getBmcId()).isEqualTo("23:11:8a:33:cf:ea");
      assertThat(system.getBmcMac()).isEqualTo("23:11:8a:33:cf:ea");
      assertThat(system.getBmcAddress()).isEqualTo(bmc.address());
      assertThat(system.getObservedAt()).isEqualTo(Crawls.NOW);
      assertThat(system.getSerialNumber()).isEqualTo("437XR1138R2");
      assertThat(system.getManufacturer()).isEqualTo("Contoso");
      assertThat(system.getModel()).isEqualTo("3500");
      assertThat(system.getPartNumber()).isEqualTo("224071-J23");
      assertThat(system.getSku()).isEqualTo("8675309");
      assertThat(system.getAssetTag()).isEqualTo("Chicago-45Z-2381");
      assertThat(system.getHostName()).isEqualTo("web483");
      assertThat(system.getPowerState()).isEqualTo("On");
      assertThat(system.getLocation().getRack()).isEqualTo("WEB43");
      assertThat(system.getLocation().getPosition()).isEqualTo(12.0);
      assertThat(system.getLocation().getSite()).isEqualTo("Onsite-Main");
      assertThat(system.getPowerWatts()).isEqualTo(374.0);
      assertThat(system.getMemoryGiB()).as("MemorySummary.TotalSystemMemoryGiB").isEqualTo(96.0);
      assertThat(system.getFirmware())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "BMC", "1.45.455b66-rev4",
                  "BIOS", "P79 v1.45",
                  "SS", "2.50"));

      // CPUs and the FPGA are processors too, but not GPUs.
      assertThat(system.getGpus())
          .extracting(
              ObservedGpu::getId,
              ObservedGpu::getManufacturer,
              ObservedGpu::getModel,
              ObservedGpu::getSerialNumber,
              ObservedGpu::getPartNumber)
          .containsExactly(
              tuple("GPU0", "NVIDIA", "NVIDIA B200", "1654924000101", "699-2G525-0200-000"),
              tuple("GPU1", "NVIDIA", "NVIDIA B200", "1654924000102", "699-2G525-0200-000"));

      assertThat(system.getNics())
          .extracting(
              ObservedNic::getAdapterId,
              ObservedNic::getPortId,
              ObservedNic::getManufacturer,
              ObservedNic::getModel,
              ObservedNic::getMacAddress,
              ObservedNic::getLinkStatus)
          .containsExactly(
              tuple("NIC1", "1", "NVIDIA", "ConnectX-7", "b8:3f:d2:14:00:01", "LinkUp"),
              tuple("NIC1", "2", "NVIDIA", "ConnectX-7", "b8:3f:d2:14:00:02", "LinkDown"));
      LldpNeighbor neighbour = system.getNics().get(0).getLldpNeighbor();
      assertThat(neighbour.getChassisId()).isEqualTo("b8:3f:d2:aa:00:03");
      assertThat(neighbour.getSystemName()).isEqualTo("leaf-03.dc2.example.com");
      assertThat(neighbour.getPortId()).isEqualTo("Ethernet1/5");
      assertThat(system.getNics().get(1).getLldpNeighbor()).as("empty LLDPReceive").isNull();

      assertThat(system.getReadErrors()).isEmpty();
      assertThat(crawl.status).isZero();
      // The system and its inlet temperature (ServerInletCrawlTest).
      assertThat(crawl.counters.get("redfish", Outcome.READ)).isEqualTo(2);
      assertThat(crawl.counters.get("redfish", Outcome.PUBLISHED)).isEqualTo(2);
      assertThat(crawl.counters.get("redfish", Outcome.REJECTED)).isZero();
    }
  }
}
