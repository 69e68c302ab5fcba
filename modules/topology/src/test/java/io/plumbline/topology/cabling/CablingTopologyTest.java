package io.plumbline.topology.cabling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.installation.InstallationTopology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rack of four DGX nodes, each with eight rails cabled to eight leaves (rail r of node n to
 * leaf-0r port Ethernet1/n). NetBox lists the server on the A side of odd rails and on the B side
 * of even ones; the BMCs report the ports in upper case and the leaves by FQDN with abbreviated
 * port names, so every check also exercises the name normalisation.
 */
class CablingTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final int NODES = 4;
  private static final int RAILS = 8;

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private TopologyTestDriver driver;
  private TestInputTopic<String, IntentDevice> devices;
  private TestInputTopic<String, IntentCable> cables;
  private TestInputTopic<String, ObservedSystem> observed;
  private TestOutputTopic<String, Discrepancy> discrepancies;
  private Instant now = T0;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "cabling");
    StreamsBuilder builder = new StreamsBuilder();
    SharedSources sources = new SharedSources(builder, config);
    KTable<String, DeviceContext> contexts =
        new InstallationTopology(config).addTo(builder, sources);
    new CablingTopology(config).addTo(builder, sources, contexts);
    Properties props = TestTopologies.streamsProperties("cabling-test", stateDir);
    // The driver commits after every record; in-memory DSL stores keep that from flushing RocksDB.
    props.put(
        StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
        BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
    driver = TestTopologies.driver(builder.build(), props);
    var serdes = config.serdes();
    var keys = Serdes.String();
    devices =
        driver.createInputTopic(
            topics.intentDevices(),
            keys.serializer(),
            serdes.value(IntentDevice.class).serializer());
    cables =
        driver.createInputTopic(
            topics.intentCables(), keys.serializer(), serdes.value(IntentCable.class).serializer());
    observed =
        driver.createInputTopic(
            topics.observedSystems(),
            keys.serializer(),
            serdes.value(ObservedSystem.class).serializer());
    discrepancies =
        driver.createOutputTopic(
            topics.discrepancies(),
            keys.deserializer(),
            serdes.value(Discrepancy.class).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aCleanRackHasNoCablingFindings() {
    designRack();
    observeRack();

    assertThat(cablingTransitions()).isEmpty();
  }

  @Test
  void twoSwappedRailsGiveTwoMiscabledFindingsThatResolveWhenReplugged() {
    designRack();
    observeRack();
    observe(2, nics -> swapPeers(nics, 2, 3));

    List<Discrepancy> opened = cablingTransitions();
    assertThat(opened)
        .extracting(Discrepancy::getId)
        .containsExactly("MISCABLED:INTERFACE:102:rail2", "MISCABLED:INTERFACE:102:rail3");
    Discrepancy rail2 = opened.get(0);
    assertThat(rail2.getState()).isEqualTo(DiscrepancyState.OPENED);
    assertThat(rail2.getType()).isEqualTo(DiscrepancyType.MISCABLED);
    assertThat(rail2.getDomain()).isEqualTo(DiscrepancyDomain.CABLING);
    assertThat(rail2.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(rail2.getExpected()).isEqualTo("leaf-02 Ethernet1/2");
    assertThat(rail2.getObserved()).isEqualTo("leaf-03.dc2.example.com Eth1/2");
    assertThat(rail2.getSubject().getKind()).isEqualTo(SubjectKind.INTERFACE);
    assertThat(rail2.getSubject().getId()).isEqualTo("102:rail2");
    assertThat(rail2.getSubject().getName()).isEqualTo("dgx-r14-n2 rail2");
    assertThat(rail2.getSubject().getUrl()).isEqualTo(cableUrl(2, 2));
    assertThat(rail2.getSubject().getRackId()).isEqualTo("14");
    assertThat(rail2.getDetail()).contains("cable c-2-2");
    assertThat(opened.get(1).getExpected()).isEqualTo("leaf-03 Ethernet1/2");
    assertThat(opened.get(1).getObserved()).isEqualTo("leaf-02.dc2.example.com Eth1/2");

    observe(2, UnaryOperator.identity());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getId, Discrepancy::getState)
        .containsExactly(
            tuple("MISCABLED:INTERFACE:102:rail2", DiscrepancyState.RESOLVED),
            tuple("MISCABLED:INTERFACE:102:rail3", DiscrepancyState.RESOLVED));
  }

  @Test
  void correctingTheDesignResolvesMiscabling() {
    designRack();
    observeRack();
    observe(2, nics -> swapPeers(nics, 2, 3));
    assertThat(cablingTransitions()).hasSize(2);

    // The design follows what was built: rail 2 goes to leaf-03, rail 3 to leaf-02.
    cables.pipeInput("c-2-2", cable(2, 2, 3), tick());
    assertThat(cablingTransitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getId()).isEqualTo("MISCABLED:INTERFACE:102:rail2");
              assertThat(d.getState()).isEqualTo(DiscrepancyState.RESOLVED);
            });
    cables.pipeInput("c-2-3", cable(2, 3, 2), tick());
    assertThat(cablingTransitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getId()).isEqualTo("MISCABLED:INTERFACE:102:rail3");
              assertThat(d.getState()).isEqualTo(DiscrepancyState.RESOLVED);
            });
  }

  @Test
  void aPlannedPortWithItsLinkDownIsMissingUntilPluggedIn() {
    designRack();
    observeRack();
    observe(1, nics -> replace(nics, 5, nic(5, "LinkDown", null)));

    assertThat(cablingTransitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getId()).isEqualTo("LINK_MISSING:INTERFACE:101:rail5");
              assertThat(d.getState()).isEqualTo(DiscrepancyState.OPENED);
              assertThat(d.getSeverity()).isEqualTo(Severity.WARNING);
              assertThat(d.getExpected()).isEqualTo("leaf-05 Ethernet1/1");
              assertThat(d.getObserved()).isEqualTo("link down");
            });

    observe(1, UnaryOperator.identity());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void aPortReportingNoNeighbourAndNoStatusIsMissing() {
    designRack();
    observe(3, nics -> replace(nics, 8, nic(8, null, null)));

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getId, Discrepancy::getObserved)
        .containsExactly(tuple("LINK_MISSING:INTERFACE:103:rail8", "no LLDP neighbour"));
  }

  @Test
  void aLinkUpWithoutLldpDecidesNothingAboutThePeer() {
    designRack();
    observe(3, nics -> replace(nics, 8, nic(8, "LinkDown", null)));
    assertThat(cablingTransitions()).hasSize(1);

    observe(3, nics -> replace(nics, 8, nic(8, "LinkUp", null)));

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getType, Discrepancy::getState)
        .containsExactly(tuple(DiscrepancyType.LINK_MISSING, DiscrepancyState.RESOLVED));
  }

  @Test
  void aSeenLinkThatNoCablePlansIsUnexpectedUntilTheDesignAddsIt() {
    designRack();
    observeRack();
    LldpNeighbor storageLeaf = neighbor("stor-leaf-01.dc2.example.com", "Ethernet1/1");
    observe(
        1,
        nics -> {
          nics.add(nic("storage1", "LinkUp", storageLeaf));
          return nics;
        });

    assertThat(cablingTransitions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getId()).isEqualTo("UNEXPECTED_LINK:INTERFACE:101:storage1");
              assertThat(d.getState()).isEqualTo(DiscrepancyState.OPENED);
              assertThat(d.getSeverity()).isEqualTo(Severity.WARNING);
              assertThat(d.getObserved()).isEqualTo("stor-leaf-01.dc2.example.com Ethernet1/1");
              assertThat(d.getSubject().getName()).isEqualTo("dgx-r14-n1 storage1");
            });

    cables.pipeInput(
        "c-1-s",
        cableBuilder("c-1-s", "101", "dgx-r14-n1", "storage1", "301", "stor-leaf-01", "Eth1/1")
            .build(),
        tick());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getId, Discrepancy::getState)
        .containsExactly(
            tuple("UNEXPECTED_LINK:INTERFACE:101:storage1", DiscrepancyState.RESOLVED));
  }

  @Test
  void unpluggingTheStrayCableResolvesUnexpectedLink() {
    designRack();
    observe(
        1,
        nics -> {
          nics.add(nic("storage1", "LinkUp", neighbor("stor-leaf-01", "Ethernet1/1")));
          return nics;
        });
    assertThat(cablingTransitions()).hasSize(1);

    observe(
        1,
        nics -> {
          nics.add(nic("storage1", "LinkDown", null));
          return nics;
        });

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void aPartialObservationResolvesNothing() {
    designRack();
    observeRack();
    observe(2, nics -> swapPeers(nics, 2, 3));
    observe(1, nics -> replace(nics, 5, nic(5, "LinkDown", null)));
    observe(
        4,
        nics -> {
          nics.add(nic("storage1", "LinkUp", neighbor("stor-leaf-01", "Ethernet1/4")));
          return nics;
        });
    assertThat(cablingTransitions()).hasSize(4);

    observe(2, nics -> new ArrayList<>(nics.subList(3, RAILS)));
    observe(1, nics -> new ArrayList<>());
    observe(4, nics -> new ArrayList<>(nics.subList(0, RAILS)));
    observed.pipeInput(
        bmcMac(2),
        ObservedSystem.newBuilder(system(2, List.of())).setNics(List.of()).build(),
        tick());

    assertThat(cablingTransitions()).isEmpty();
  }

  @Test
  void deletingAMissingLinksCableResolvesIt() {
    designRack();
    observeRack();
    observe(1, nics -> replace(nics, 5, nic(5, "LinkDown", null)));
    assertThat(cablingTransitions()).hasSize(1);

    cables.pipeInput("c-1-5", null, tick());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getId, Discrepancy::getState)
        .containsExactly(tuple("LINK_MISSING:INTERFACE:101:rail5", DiscrepancyState.RESOLVED));
  }

  @Test
  void deletingAMiscabledCableResolvesItAndLeavesTheLinkUnexpected() {
    designRack();
    observeRack();
    observe(2, nics -> swapPeers(nics, 2, 3));
    assertThat(cablingTransitions()).hasSize(2);

    cables.pipeInput("c-2-2", null, tick());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getId, Discrepancy::getState)
        .containsExactly(
            tuple("MISCABLED:INTERFACE:102:rail2", DiscrepancyState.RESOLVED),
            tuple("UNEXPECTED_LINK:INTERFACE:102:rail2", DiscrepancyState.OPENED));
  }

  @Test
  void deletingACableOfAPortNoLongerObservedStillResolvesIt() {
    designRack();
    observeRack();
    observe(1, nics -> replace(nics, 5, nic(5, "LinkDown", null)));
    observe(1, nics -> new ArrayList<>());
    assertThat(cablingTransitions()).hasSize(1);

    cables.pipeInput("c-1-5", null, tick());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void removingTheServerFromTheDesignResolvesEveryPort() {
    designRack();
    observeRack();
    observe(2, nics -> swapPeers(nics, 2, 3));
    assertThat(cablingTransitions()).hasSize(2);

    devices.pipeInput("102", null, tick());

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED, DiscrepancyState.RESOLVED);
  }

  @Test
  void redeliveredObservationsMakeNoNewTransitions() {
    designRack();
    observeRack();
    observe(2, nics -> swapPeers(nics, 2, 3));
    observe(2, nics -> swapPeers(nics, 2, 3));
    observe(2, nics -> swapPeers(nics, 2, 3));

    assertThat(cablingTransitions()).hasSize(2);
  }

  @Test
  void aDecommissioningCableMayBeGone() {
    designRack();
    cables.pipeInput(
        "c-1-5", IntentCable.newBuilder(cable(1, 5, 5)).setStatus("decommissioning").build(), T0);
    observe(1, nics -> replace(nics, 5, nic(5, "LinkDown", null)));

    assertThat(cablingTransitions()).isEmpty();
  }

  @Test
  void aCableEndWithoutADeviceIsSkipped() {
    designRack();
    cables.pipeInput(
        "c-1-pp",
        cableBuilder("c-1-pp", "101", "dgx-r14-n1", "storage1", " ", "", "front1").build(),
        T0);
    observeRack();
    observe(1, nics -> replace(nics, 5, nic(5, "LinkDown", null)));

    assertThat(cablingTransitions())
        .extracting(Discrepancy::getId)
        .containsExactly("LINK_MISSING:INTERFACE:101:rail5");
  }

  // ---- the rack ----

  private void designRack() {
    for (int n = 1; n <= NODES; n++) {
      devices.pipeInput(nodeId(n), node(n), T0);
      for (int r = 1; r <= RAILS; r++) {
        cables.pipeInput(cableId(n, r), cable(n, r, r), T0);
      }
    }
  }

  private void observeRack() {
    for (int n = 1; n <= NODES; n++) {
      observe(n, UnaryOperator.identity());
    }
  }

  /** Publishes node n's observation: its healthy NICs, changed by {@code change}. */
  private void observe(int n, UnaryOperator<List<ObservedNic>> change) {
    List<ObservedNic> nics = new ArrayList<>();
    for (int r = 1; r <= RAILS; r++) {
      nics.add(nic(r, "LinkUp", neighbor(leafName(r) + ".dc2.example.com", "Eth1/" + n)));
    }
    observed.pipeInput(bmcMac(n), system(n, change.apply(nics)), tick());
  }

  private List<Discrepancy> cablingTransitions() {
    return discrepancies.readValuesToList().stream()
        .filter(d -> d.getDomain() == DiscrepancyDomain.CABLING)
        .toList();
  }

  private Instant tick() {
    now = now.plusSeconds(60);
    return now;
  }

  private static List<ObservedNic> swapPeers(List<ObservedNic> nics, int railX, int railY) {
    LldpNeighbor x = nics.get(railX - 1).getLldpNeighbor();
    LldpNeighbor y = nics.get(railY - 1).getLldpNeighbor();
    replace(nics, railX, nic(railX, "LinkUp", y));
    return replace(nics, railY, nic(railY, "LinkUp", x));
  }

  private static List<ObservedNic> replace(List<ObservedNic> nics, int rail, ObservedNic nic) {
    nics.set(rail - 1, nic);
    return nics;
  }

  private static String nodeId(int n) {
    return "10" + n;
  }

  private static String nodeName(int n) {
    return "dgx-r14-n" + n;
  }

  private static String bmcMac(int n) {
    return "3c:ec:ef:00:00:0" + n;
  }

  private static String leafName(int rail) {
    return "leaf-0" + rail;
  }

  private static String cableId(int n, int rail) {
    return "c-" + n + "-" + rail;
  }

  private static String cableUrl(int n, int rail) {
    return "https://netbox.example.com/dcim/cables/" + cableId(n, rail) + "/";
  }

  private static IntentDevice node(int n) {
    return IntentDevice.newBuilder()
        .setId(nodeId(n))
        .setName(nodeName(n))
        .setDeviceTypeId("7")
        .setSiteId("1")
        .setRackId("14")
        .setPosition(2.0 + 10 * (n - 1))
        .setBmcMac(bmcMac(n).toUpperCase(Locale.ROOT))
        .setUrl("https://netbox.example.com/dcim/devices/" + nodeId(n) + "/")
        .build();
  }

  /** Node n's rail cabled to {@code leaf}'s port n; the server is on the A side of odd rails. */
  private static IntentCable cable(int n, int rail, int leaf) {
    String leafPort = "Ethernet1/" + n;
    IntentCable.Builder cable =
        rail % 2 == 1
            ? cableBuilder(
                cableId(n, rail),
                nodeId(n),
                nodeName(n),
                "rail" + rail,
                "20" + leaf,
                leafName(leaf),
                leafPort)
            : cableBuilder(
                cableId(n, rail),
                "20" + leaf,
                leafName(leaf),
                leafPort,
                nodeId(n),
                nodeName(n),
                "rail" + rail);
    return cable.setUrl(cableUrl(n, rail)).build();
  }

  private static IntentCable.Builder cableBuilder(
      String id,
      String aDeviceId,
      String aDeviceName,
      String aInterface,
      String bDeviceId,
      String bDeviceName,
      String bInterface) {
    return IntentCable.newBuilder()
        .setId(id)
        .setADeviceId(aDeviceId)
        .setADeviceName(aDeviceName)
        .setAInterface(aInterface)
        .setBDeviceId(bDeviceId)
        .setBDeviceName(bDeviceName)
        .setBInterface(bInterface)
        .setStatus("connected");
  }

  private static ObservedNic nic(int rail, String linkStatus, LldpNeighbor neighbor) {
    return nic("RAIL" + rail + " ", linkStatus, neighbor);
  }

  private static ObservedNic nic(String portId, String linkStatus, LldpNeighbor neighbor) {
    return ObservedNic.newBuilder()
        .setAdapterId("cx7-" + portId.strip().toLowerCase(Locale.ROOT))
        .setPortId(portId)
        .setManufacturer("NVIDIA")
        .setModel("ConnectX-7")
        .setLinkStatus(linkStatus)
        .setLldpNeighbor(neighbor)
        .build();
  }

  private static LldpNeighbor neighbor(String systemName, String portId) {
    return LldpNeighbor.newBuilder()
        .setChassisId(
            "b8:3f:d2:00:00:" + Integer.toHexString(Math.abs(systemName.hashCode()) % 256))
        .setSystemName(systemName)
        .setPortId(portId)
        .build();
  }

  private static ObservedSystem system(int n, List<ObservedNic> nics) {
    return ObservedSystem.newBuilder()
        .setBmcId(bmcMac(n))
        .setBmcMac(bmcMac(n))
        .setObservedAt(T0)
        .setManufacturer("NVIDIA")
        .setModel("DGX B200")
        .setNics(nics)
        .build();
  }
}
