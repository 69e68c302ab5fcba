package io.plumbline.ingest.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentModule;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.IntentSite;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.RecordingSink;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls NetBox APIs served from recorded (pynetbox) and synthetic 4.x responses. */
class NetboxSyncTest {

  private static final PlumblineTopics TOPICS = PlumblineTopics.defaultTopics();

  private final RecordingSink sink = new RecordingSink();
  private final IngestCounters counters = IngestCounters.inMemory();
  private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
  private final IngestContext context =
      new IngestContext(
          sink,
          TOPICS,
          counters,
          new PrintStream(progressBytes, true, StandardCharsets.UTF_8),
          true);

  private String progress() {
    return progressBytes.toString(StandardCharsets.UTF_8);
  }

  private NetboxSync sync(ServedNetbox netbox, String token, SyncState state) {
    return new NetboxSync(
        new NetboxClient(netbox.url(), token, 50, Duration.ofSeconds(10)), state, context);
  }

  @SuppressWarnings("unchecked")
  private <V extends SpecificRecord> Map<String, V> latest(String topic) {
    Map<String, V> latest = new java.util.TreeMap<>();
    for (RecordingSink.Sent sent : sink.on(topic)) {
      if (sent.value() == null) {
        latest.remove(sent.key());
      } else {
        latest.put(sent.key(), (V) sent.value());
      }
    }
    return latest;
  }

  @Test
  void crawlsPynetboxRecordedResponsesLikeARealNetbox() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.pynetbox()) {
      int problems = sync(netbox, "0123456789abcdef", SyncState.inMemory(netbox.url())).sync(true);

      Map<String, IntentSite> sites = latest(TOPICS.intentSites());
      assertThat(sites).containsOnlyKeys("1");
      assertThat(sites.get("1").getName()).isEqualTo("TEST1");
      assertThat(sites.get("1").getSlug()).isEqualTo("test1");

      Map<String, IntentRack> racks = latest(TOPICS.intentRacks());
      assertThat(racks).containsOnlyKeys("1", "2");
      assertThat(racks.get("2").getName()).isEqualTo("A1R2");
      assertThat(racks.get("2").getSiteId()).isEqualTo("1");
      assertThat(racks.get("2").getUHeight()).isEqualTo(42);
      assertThat(racks.get("2").getUrl()).as("2.x lists carry no url of their own").isNull();

      Map<String, IntentDeviceType> types = latest(TOPICS.intentDeviceTypes());
      assertThat(types).hasSize(6);
      IntentDeviceType ex9214 = types.get("2");
      assertThat(ex9214.getManufacturer()).isEqualTo("Juniper");
      assertThat(ex9214.getModel()).isEqualTo("EX9214");
      assertThat(ex9214.getPartNumber()).as("blank part_number").isNull();
      assertThat(ex9214.getUHeight()).isEqualTo(16.0);
      assertThat(ex9214.getMaximumDrawWatts()).as("2.x templates carry no draw").isNull();

      Map<String, IntentDevice> devices = latest(TOPICS.intentDevices());
      assertThat(devices).hasSize(11);
      IntentDevice core2 = devices.get("8");
      assertThat(core2.getName()).isEqualTo("test1-core2");
      assertThat(core2.getDeviceTypeId()).isEqualTo("2");
      assertThat(core2.getSiteId()).isEqualTo("1");
      assertThat(core2.getRackId()).isEqualTo("2");
      assertThat(core2.getPosition()).isEqualTo(17.0);
      assertThat(core2.getSerial()).isEqualTo("67856734534");
      assertThat(core2.getRole()).isEqualTo("Core Switch");
      assertThat(core2.getStatus())
          .as("2.x choice {value: true, label: Active}")
          .isEqualTo("active");
      assertThat(devices.get("2").getSerial()).as("blank serial").isNull();
      assertThat(devices.get("11").getPosition()).as("zero-U PDU").isNull();
      // em0 is the only management interface with a MAC (page 1 of the two interface pages).
      assertThat(devices.get("4").getBmcMac()).isEqualTo("ff:ee:dd:33:22:11");
      assertThat(devices.get("2").getBmcMac()).isNull();

      assertThat(latest(TOPICS.intentCables()))
          .as("the recorded cables are console cables, which LLDP never sees")
          .isEmpty();

      assertThat(netbox.seen)
          .extracting(ServedNetbox.Seen::pathAndQuery)
          .contains(
              "/api/dcim/interfaces/?limit=50&offset=0&mgmt_only=true",
              "/api/dcim/interfaces/?limit=50&offset=50");
      assertThat(netbox.seen)
          .extracting(ServedNetbox.Seen::authorization)
          .containsOnly("Token 0123456789abcdef");
      // The recording has no power panels or feeds: that endpoint is reported, the rest read.
      assertThat(problems).isEqualTo(2);
      assertThat(progress())
          .contains("power-panels not read:")
          .contains("HTTP 404")
          .contains("power-feeds not read: it needs [power-panels]");
      assertThat(counters.get(NetboxSync.SOURCE, IngestCounters.Outcome.READ))
          .isEqualTo(1 + 2 + 13 + 6 + 71 + 11 + 25 + 3);
    }
  }

  @Test
  void readsNetbox4Shapes() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      int problems = sync(netbox, "nbt_abc.secret", SyncState.inMemory(netbox.url())).sync(true);

      assertThat(netbox.seen)
          .extracting(ServedNetbox.Seen::authorization)
          .containsOnly("Bearer nbt_abc.secret");

      IntentRack rack = this.<IntentRack>latest(TOPICS.intentRacks()).get("14");
      assertThat(rack.getUHeight()).isEqualTo(48);
      assertThat(rack.getPowerBudgetWatts()).isEqualTo(60000.0);
      assertThat(rack.getCoolingCapacityWatts()).isEqualTo(58000.5);

      IntentDeviceType b200 = this.<IntentDeviceType>latest(TOPICS.intentDeviceTypes()).get("7");
      assertThat(b200.getPartNumber()).isEqualTo("965-24387-0002-000");
      assertThat(b200.getUHeight()).isEqualTo(10.0);
      assertThat(b200.getExpectedGpuCount()).isEqualTo(8);
      assertThat(b200.getExpectedGpuModel()).isEqualTo("NVIDIA B200");
      assertThat(b200.getExpectedNicCount()).isEqualTo(8);
      assertThat(b200.getExpectedNicModel()).isEqualTo("ConnectX-7");
      assertThat(b200.getMaximumDrawWatts()).isEqualTo(6 * 3300.0);
      assertThat(b200.getAllocatedDrawWatts()).isEqualTo(6 * 2400.0);
      assertThat(b200.getFirmwareBaseline()).containsEntry("BMC", "24.09.17");
      assertThat(b200.getUrl()).isEqualTo(netbox.url() + "/dcim/device-types/7/");
      IntentDeviceType sn5600 = this.<IntentDeviceType>latest(TOPICS.intentDeviceTypes()).get("8");
      assertThat(sn5600.getFirmwareBaseline())
          .isEqualTo(Map.of("ONIE", "2024.05", "Cumulus", "5.9.1"));

      Map<String, IntentDevice> devices = latest(TOPICS.intentDevices());
      IntentDevice node2 = devices.get("1402");
      assertThat(node2.getSerial()).as("padding trimmed").isEqualTo("1570924000123");
      assertThat(node2.getAssetTag()).isEqualTo("AT-1402");
      assertThat(node2.getRackId()).isEqualTo("14");
      assertThat(node2.getPosition()).isEqualTo(11.0);
      assertThat(node2.getStatus()).isEqualTo("planned");
      assertThat(node2.getRole()).isEqualTo("GPU node");
      assertThat(node2.getBmcMac())
          .as("the interface named BMC, MAC from 4.2's primary_mac_address")
          .isEqualTo("00:00:5e:00:53:01");
      assertThat(node2.getInstallDeadline()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
      IntentDevice unnamed = devices.get("1403");
      assertThat(unnamed.getName()).isEqualTo("DGX B200 (1403)");
      assertThat(unnamed.getBmcMac()).as("custom field fallback").isEqualTo("00:00:5E:00:53:03");
      assertThat(unnamed.getInstallDeadline()).isNull();
      assertThat(progress())
          .contains("device 1403: custom field plumbline_install_deadline = 'next week'");
      assertThat(devices).doesNotContainKey("1404");
      assertThat(sink.deadLetters)
          .anySatisfy(
              dead -> {
                assertThat(dead.location()).isEqualTo("/api/dcim/devices/1404/");
                assertThat(dead.reason()).isEqualTo("netbox device 1404: no site");
                assertThat(dead.raw()).contains("r14-node04");
              });

      Map<String, IntentPowerFeed> feeds = latest(TOPICS.intentPowerFeeds());
      IntentPowerFeed a = feeds.get("2101");
      assertThat(a.getName()).isEqualTo("R14-A");
      assertThat(a.getSiteId()).as("from the power panel").isEqualTo("3");
      assertThat(a.getPanelName()).isEqualTo("PP-R14");
      assertThat(a.getRackId()).isEqualTo("14");
      assertThat(a.getSide()).isEqualTo("A");
      assertThat(a.getSupply()).isEqualTo("ac");
      assertThat(a.getPhase()).isEqualTo("three-phase");
      assertThat(a.getVoltage()).isEqualTo(415.0);
      assertThat(a.getAmperage()).isEqualTo(60.0);
      assertThat(a.getMaxUtilizationPercent()).isEqualTo(80.0);
      assertThat(a.getAllocatedDrawWatts()).isEqualTo(17000.0 + 11000.0);
      assertThat(feeds.get("2102").getSide()).as("custom field plumbline_side").isEqualTo("B");
      assertThat(feeds.get("2102").getAllocatedDrawWatts()).isEqualTo(36000.0);

      Map<String, IntentCable> cables = latest(TOPICS.intentCables());
      assertThat(cables).containsOnlyKeys("7001");
      IntentCable cable = cables.get("7001");
      assertThat(cable.getADeviceId()).isEqualTo("1402");
      assertThat(cable.getADeviceName()).isEqualTo("r14-node02");
      assertThat(cable.getAInterface()).isEqualTo("ens1f0");
      assertThat(cable.getBDeviceId()).isEqualTo("1801");
      assertThat(cable.getBDeviceName()).isEqualTo("leaf-03");
      assertThat(cable.getBInterface()).isEqualTo("Ethernet1/5");
      assertThat(cable.getStatus()).isEqualTo("connected");
      assertThat(cable.getLabel()).isEqualTo("R14-N02-R3");
      assertThat(sink.deadLetters)
          .anySatisfy(
              dead ->
                  assertThat(dead.reason())
                      .isEqualTo(
                          "netbox cable 7003: 2 x 1 interfaces on its ends (a breakout);"
                              + " Plumbline plans one interface per end"));
      assertThat(problems).isEqualTo(2);
      assertThat(counters.get(NetboxSync.SOURCE, IngestCounters.Outcome.REJECTED)).isEqualTo(2);
    }
  }

  @Test
  void incrementalSyncAsksForChangesAndFullSyncPublishesDeletions(@TempDir Path stateDir)
      throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      sync(netbox, "t", SyncState.load(stateDir, netbox.url())).sync(false);
      SyncState saved = SyncState.load(stateDir, netbox.url());
      assertThat(saved.isEmpty()).as("nothing saved until the caller saves").isTrue();

      SyncState state = SyncState.load(stateDir, netbox.url());
      sync(netbox, "t", state).sync(true);
      state.save();
      netbox.seen.clear();

      // A new process: incremental from the saved high-water marks.
      SyncState reloaded = SyncState.load(stateDir, netbox.url());
      assertThat(reloaded.endpoint("devices").ids).containsExactly("1402", "1403");
      int before = sink.committed.size();
      sync(netbox, "t", reloaded).sync(false);
      assertThat(netbox.seen)
          .extracting(ServedNetbox.Seen::pathAndQuery)
          .contains(
              "/api/dcim/devices/?limit=50&offset=0&last_updated__gte=2026-11-22T08%3A00%3A00.000000Z",
              "/api/dcim/racks/?limit=50&offset=0&last_updated__gte=2026-11-21T09%3A30%3A00.000000Z");
      assertThat(sink.committed.size() - before)
          .as("the served files ignore the filter, so everything is re-published")
          .isGreaterThan(0);

      // Device 1403 and rack 14 are deleted in NetBox; the BMC interface of 1402 changes MAC.
      netbox.answer(
          "devices",
          new ServedNetbox.Answer(
              200,
              "application/json",
              ServedNetbox.read("/netbox/synthetic/netbox-4x-devices.json")
                  .replace("\"id\": 1403", "\"id\": 991403")
                  .replace(netbox.url(), "http://localhost:8000")));
      netbox.answer(
          "racks",
          new ServedNetbox.Answer(
              200, "application/json", "{\"count\":0,\"next\":null,\"results\":[]}"));
      sync(netbox, "t", reloaded).sync(true);
      Map<String, IntentDevice> devices = latest(TOPICS.intentDevices());
      assertThat(devices).doesNotContainKey("1403");
      assertThat(sink.on(TOPICS.intentDevices()))
          .last()
          .satisfies(
              s -> {
                assertThat(s.key()).isEqualTo("1403");
                assertThat(s.value()).isNull();
              });
      assertThat(latest(TOPICS.intentRacks())).isEmpty();
      assertThat(reloaded.endpoint("racks").ids).isEmpty();
    }
  }

  @Test
  void readsModulesWithTheirModuleTypesInNetbox4Shapes() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      sync(netbox, "t", SyncState.inMemory(netbox.url())).sync(true);

      Map<String, IntentModule> modules = latest(TOPICS.intentModules());
      assertThat(modules).containsOnlyKeys("5101", "5102", "5103");
      IntentModule gpu = modules.get("5101");
      assertThat(gpu.getId()).isEqualTo("5101");
      assertThat(gpu.getDeviceId()).isEqualTo("1402");
      assertThat(gpu.getModuleBayName()).isEqualTo("GPU1");
      assertThat(gpu.getModuleTypeId()).isEqualTo("310");
      assertThat(gpu.getManufacturer()).isEqualTo("NVIDIA");
      assertThat(gpu.getModel()).isEqualTo("B200 SXM6 180GB");
      assertThat(gpu.getPartNumber()).isEqualTo("699-2G525-0200-000");
      assertThat(gpu.getProfile()).isEqualTo("GPU");
      assertThat(gpu.getSerial()).isEqualTo("1654924000101");
      assertThat(gpu.getAssetTag()).isNull();
      assertThat(gpu.getStatus()).isEqualTo("active");
      assertThat(gpu.getUrl()).isEqualTo(netbox.url() + "/dcim/modules/5101/");

      IntentModule nic = modules.get("5102");
      assertThat(nic.getModuleBayName()).isEqualTo("NIC1");
      assertThat(nic.getModel()).isEqualTo("ConnectX-7 400G");
      assertThat(nic.getPartNumber()).as("trimmed").isEqualTo("MCX75310AAS-NEAT");
      assertThat(nic.getProfile()).as("profile null").isNull();
      assertThat(nic.getSerial()).as("empty serial").isNull();
      assertThat(nic.getAssetTag()).isEqualTo("AT-NIC-5102");
      assertThat(nic.getStatus()).isEqualTo("planned");

      // Module type 399 is not listed: the module's nested type gives manufacturer and model.
      IntentModule psu = modules.get("5103");
      assertThat(psu.getDeviceId()).isEqualTo("1403");
      assertThat(psu.getModuleTypeId()).isEqualTo("399");
      assertThat(psu.getManufacturer()).isEqualTo("Delta");
      assertThat(psu.getModel()).isEqualTo("PSU 3300W");
      assertThat(psu.getPartNumber()).isNull();
      assertThat(psu.getProfile()).isNull();

      assertThat(progress())
          .contains("netbox: module-types: 2 listed")
          .contains("netbox: modules: 3 listed, 0 deleted, 0 rejected");
    }
  }

  @Test
  void readsModulesInNetbox3Shapes() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      netbox.route("module-types", "/netbox/synthetic/netbox-3.x-module-types.json");
      netbox.route("modules", "/netbox/synthetic/netbox-3.x-modules.json");
      sync(netbox, "t", SyncState.inMemory(netbox.url())).sync(true);

      Map<String, IntentModule> modules = latest(TOPICS.intentModules());
      assertThat(modules).containsOnlyKeys("77");
      IntentModule gpu = modules.get("77");
      assertThat(gpu.getDeviceId()).isEqualTo("12");
      assertThat(gpu.getModuleBayName()).isEqualTo("GPU3");
      assertThat(gpu.getModuleTypeId()).isEqualTo("21");
      assertThat(gpu.getManufacturer()).isEqualTo("NVIDIA");
      assertThat(gpu.getModel()).isEqualTo("A100 SXM4 80GB");
      assertThat(gpu.getPartNumber()).isEqualTo("699-2G506-0210-300");
      assertThat(gpu.getProfile()).as("no profiles before 4.3").isNull();
      assertThat(gpu.getSerial()).isEqualTo("1323220012345");
      assertThat(gpu.getAssetTag()).isEqualTo("DC1-GPU-0077");
      assertThat(gpu.getStatus()).as("no status sent").isNull();
      assertThat(gpu.getUrl())
          .as("API url without /api")
          .isEqualTo(netbox.url() + "/dcim/modules/77/");
    }
  }

  @Test
  void aModuleWebhookPublishesAndDeletes() throws Exception {
    NetboxSync sync = new NetboxSync(null, SyncState.inMemory("webhook"), context);
    JsonNode module =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(ServedNetbox.read("/netbox/synthetic/netbox-4x-modules.json"))
            .path("results")
            .path(0);

    assertThat(sync.apply("created", "module", module)).isEqualTo("created module 5101");
    Map<String, IntentModule> published = latest(TOPICS.intentModules());
    assertThat(published.get("5101").getModel()).isEqualTo("B200 SXM6 180GB");
    assertThat(sync.apply("deleted", "module", module)).isEqualTo("deleted module 5101");
    assertThat(latest(TOPICS.intentModules())).isEmpty();
  }

  @Test
  void anIncrementalSyncPublishesATombstoneForAnObjectDeletedSinceTheLastSync() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      SyncState state = SyncState.inMemory(netbox.url());
      NetboxSync sync = sync(netbox, "t", state);
      sync.sync(true);
      assertThat(latest(TOPICS.intentDevices())).containsOnlyKeys("1402", "1403");

      // Device 1403 is deleted in NetBox. Nothing changed, so the last_updated__gte listing is
      // empty; only the brief listing (NetBox 4.x brief shape) shows that 1403 is gone.
      netbox.respond(
          "devices",
          query -> {
            if (query.contains("brief=true")) {
              return json(
                  "{\"count\":1,\"next\":null,\"results\":[{\"id\":1402,"
                      + "\"url\":\"http://localhost:8000/api/dcim/devices/1402/\","
                      + "\"display\":\"gpu-r14-u10\",\"name\":\"gpu-r14-u10\","
                      + "\"description\":\"\"}]}");
            }
            if (query.contains("last_updated__gte")) {
              return json("{\"count\":0,\"next\":null,\"results\":[]}");
            }
            return json(null);
          });
      netbox.seen.clear();
      int before = sink.committed.size();

      // The one problem: breakout cable 7003, re-read as the served file ignores the filter.
      assertThat(sync.sync(false)).as("problems").isEqualTo(1);

      assertThat(netbox.seen)
          .extracting(ServedNetbox.Seen::pathAndQuery)
          .contains("/api/dcim/devices/?limit=50&offset=0&brief=true");
      assertThat(sink.committed.subList(before, sink.committed.size()))
          .filteredOn(s -> s.topic().equals(TOPICS.intentDevices()))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.key()).isEqualTo("1403");
                assertThat(s.value()).as("tombstone").isNull();
              });
      assertThat(latest(TOPICS.intentDevices())).containsOnlyKeys("1402");
      assertThat(state.endpoint("devices").ids).containsExactly("1402");
      assertThat(latest(TOPICS.intentRacks())).as("still listed: nothing deleted").isNotEmpty();
      assertThat(progress())
          .contains("netbox: devices: 0 listed (changed since")
          .contains("1 deleted");

      // The next incremental sync finds nothing more to delete.
      int after = sink.committed.size();
      sync.sync(false);
      assertThat(sink.committed.subList(after, sink.committed.size()))
          .filteredOn(s -> s.topic().equals(TOPICS.intentDevices()))
          .isEmpty();
    }
  }

  @Test
  void aFailedIdListingTombstonesNothingAndIsReported() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      SyncState state = SyncState.inMemory(netbox.url());
      NetboxSync sync = sync(netbox, "t", state);
      sync.sync(true);
      netbox.respond(
          "devices",
          query ->
              query.contains("brief=true")
                  ? new ServedNetbox.Answer(500, "text/html", "<h1>Server Error</h1>")
                  : json(null));

      // The failed id listing, and device 1404 (no site) and breakout cable 7003, re-read as the
      // served files ignore the filter.
      assertThat(sync.sync(false)).as("problems").isEqualTo(3);

      assertThat(latest(TOPICS.intentDevices())).containsOnlyKeys("1402", "1403");
      assertThat(state.endpoint("devices").ids).containsExactlyInAnyOrder("1402", "1403");
      assertThat(progress()).contains("netbox: devices: deletions not checked:");
    }
  }

  private static ServedNetbox.Answer json(String body) {
    return new ServedNetbox.Answer(200, "application/json", body);
  }

  @Test
  void anUnexpectedAnswerIsAClearPerEndpointErrorAndTheRestIsRead() throws Exception {
    try (ServedNetbox netbox = ServedNetbox.synthetic4x()) {
      netbox.answer(
          "racks",
          new ServedNetbox.Answer(
              200, "text/html", "<!DOCTYPE html><html><body>Login</body></html>"));
      netbox.answer(
          "devices",
          new ServedNetbox.Answer(401, "application/json", "{\"detail\": \"Invalid token.\"}"));
      netbox.answer("cables", new ServedNetbox.Answer(404, "text/html", "<h1>Not Found</h1>"));
      netbox.answer(
          "sites", new ServedNetbox.Answer(200, "application/json", "{\"detail\": \"ok\"}"));

      int problems = sync(netbox, "t", SyncState.inMemory(netbox.url())).sync(true);

      assertThat(problems).isEqualTo(4);
      String log = progress();
      assertThat(log)
          .contains("racks not read: GET " + netbox.url() + "/api/dcim/racks/?limit=50&offset=0:")
          .contains("not JSON (Content-Type text/html, body starts '<!DOCTYPE html>")
          .contains("devices not read:")
          .contains("HTTP 401 '{\"detail\": \"Invalid token.\"}'; check --token")
          .contains("cables not read:")
          .contains("HTTP 404; this NetBox has no such endpoint")
          .contains("sites not read:")
          .contains("JSON without a \"results\" list")
          .doesNotContain("Exception");
      assertThat(latest(TOPICS.intentDeviceTypes())).containsOnlyKeys("7", "8");
      assertThat(latest(TOPICS.intentPowerFeeds())).containsOnlyKeys("2101", "2102");
    }
  }

  @Test
  void anUnreachableNetboxIsReportedPerEndpoint() throws Exception {
    int port;
    try (ServedNetbox closed = new ServedNetbox()) {
      port = Integer.parseInt(closed.url().replaceAll(".*:", ""));
    }
    NetboxSync sync =
        new NetboxSync(
            new NetboxClient("http://127.0.0.1:" + port + "/api/", "t", 50, Duration.ofSeconds(5)),
            SyncState.inMemory("x"),
            context);
    assertThat(sync.sync(true)).isEqualTo(NetboxEndpoint.values().length);
    assertThat(progress())
        .contains("sites not read: GET http://127.0.0.1:" + port + "/api/dcim/sites/");
    assertThat(progress()).contains("cannot connect (is NetBox running at --url");
    assertThat(sink.committed.stream().map(RecordingSink.Sent::topic).collect(Collectors.toSet()))
        .isEmpty();
  }
}
