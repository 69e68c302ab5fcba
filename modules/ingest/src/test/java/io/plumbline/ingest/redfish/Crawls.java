package io.plumbline.ingest.redfish;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Runs the Redfish source once against test servers and keeps what it published and printed. */
final class Crawls {

  static final Instant NOW = Instant.parse("2026-03-02T10:15:30Z");
  static final String SYSTEM = "/redfish/v1/Systems/437XR1138R2";
  static final String CHASSIS = "/redfish/v1/Chassis/1U";

  final RecordingSink sink = new RecordingSink();
  final IngestCounters counters = IngestCounters.inMemory();
  final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
  int status;

  /** Crawls with the given options (each test adds --bmc and what it needs). */
  static Crawls run(String... args) throws Exception {
    Crawls crawls = new Crawls();
    RedfishSource source =
        new RedfishSource(RedfishOptions.parse(List.of(args)), Clock.fixed(NOW, ZoneOffset.UTC));
    try (PrintStream progress =
        new PrintStream(crawls.progressBytes, true, StandardCharsets.UTF_8)) {
      crawls.status =
          source.run(
              new IngestContext(
                  crawls.sink, PlumblineTopics.defaultTopics(), crawls.counters, progress, true));
    }
    return crawls;
  }

  /** The default fast-failing options for a server, plus extra ones. */
  static String[] against(MockupServer server, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--bmc",
                server.url().toString(),
                "--timeout",
                "2s",
                "--retries",
                "2",
                "--backoff",
                "10ms"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  String progress() {
    return progressBytes.toString(StandardCharsets.UTF_8);
  }

  /** Serves two GPUs and one dual-port NIC next to the DMTF rack server (which has neither). */
  static MockupServer rackServerWithGpusAndNics() throws IOException {
    MockupServer server = MockupServer.http("redfish/public-rackmount1");
    server
        .addResource("redfish/plumbline-additions/gpu0.json")
        .addResource("redfish/plumbline-additions/gpu1.json")
        .addResource("redfish/plumbline-additions/network-adapters.json")
        .addResource("redfish/plumbline-additions/nic1.json")
        .addResource("redfish/plumbline-additions/nic1-ports.json")
        .addResource("redfish/plumbline-additions/nic1-port1.json")
        .addResource("redfish/plumbline-additions/nic1-port2.json")
        .rewrite(
            SYSTEM + "/Processors",
            collection -> {
              ArrayNode members = (ArrayNode) collection.path("Members");
              members.addObject().put("@odata.id", SYSTEM + "/Processors/GPU0");
              members.addObject().put("@odata.id", SYSTEM + "/Processors/GPU1");
              collection.put("Members@odata.count", members.size());
              return collection;
            })
        .rewrite(
            CHASSIS,
            chassis -> {
              ObjectNode link = chassis.putObject("NetworkAdapters");
              link.put("@odata.id", CHASSIS + "/NetworkAdapters");
              return chassis;
            });
    return server;
  }
}
