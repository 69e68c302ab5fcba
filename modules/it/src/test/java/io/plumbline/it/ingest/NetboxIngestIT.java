package io.plumbline.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.KafkaSink;
import io.plumbline.ingest.netbox.NetboxSource;
import io.plumbline.ingest.netbox.ServedNetbox;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.TopicReader;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code ingest netbox} from a NetBox served over HTTP (synthetic 4.x responses) into the real
 * broker and registry: the intent topics read back, the unusable objects on the dead-letter topic,
 * and the reconciler opening the design discrepancy the served design contains (feed R14-B planned
 * with 36 kW on 34.5 kW usable).
 */
class NetboxIngestIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @Test
  void ingestedIntentIsReadBackAndReconciled() throws Exception {
    EmbeddedKafka kafka = SharedComponents.kafka();
    ApicurioRegistry registry = SharedComponents.registry();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-netbox-" + run);
    settings.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-state-").toString());
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineTopics topics = config.topics();
    kafka.createTopics(TopicLayout.newTopics(topics, 2, (short) 1));

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    IngestCounters counters = IngestCounters.inMemory();
    int status;
    try (ServedNetbox netbox = ServedNetbox.synthetic4x();
        KafkaSink sink =
            new KafkaSink(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                config.registrySettings(),
                "it-netbox-" + run,
                topics.deadLetters())) {
      IngestContext context =
          new IngestContext(
              sink, topics, counters, new PrintStream(log, true, StandardCharsets.UTF_8), true);
      status =
          NetboxSource.fromArguments(
                  List.of(
                      "--url",
                      netbox.url(),
                      "--token",
                      "0123456789abcdef",
                      "--state-dir",
                      Files.createTempDirectory("it-netbox-state-").toString()))
              .run(context);
    }
    assertThat(status).as("two unusable objects: %s", log).isEqualTo(1);
    assertThat(counters.get("netbox", IngestCounters.Outcome.REJECTED)).isEqualTo(2);

    try (TopicReader<IntentDevice> devices =
            new TopicReader<>(
                kafka.bootstrapServers(),
                topics.intentDevices(),
                values(config, IntentDevice.class));
        TopicReader<IntentPowerFeed> feeds =
            new TopicReader<>(
                kafka.bootstrapServers(),
                topics.intentPowerFeeds(),
                values(config, IntentPowerFeed.class));
        TopicReader<IntentCable> cables =
            new TopicReader<>(
                kafka.bootstrapServers(),
                topics.intentCables(),
                values(config, IntentCable.class));
        TopicReader<byte[]> deadLetters =
            new TopicReader<>(
                kafka.bootstrapServers(), topics.deadLetters(), new ByteArrayDeserializer())) {
      List<ConsumerRecord<String, IntentDevice>> readDevices =
          devices.awaitUntil(seen -> seen.size() >= 2, TIMEOUT, "the devices");
      assertThat(readDevices)
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("1402", "1403");
      IntentDevice node2 =
          readDevices.stream()
              .filter(r -> r.key().equals("1402"))
              .findFirst()
              .orElseThrow()
              .value();
      assertThat(node2.getSerial()).isEqualTo("1570924000123");
      assertThat(node2.getBmcMac()).isEqualTo("00:00:5e:00:53:01");
      assertThat(node2.getRackId()).isEqualTo("14");

      List<ConsumerRecord<String, IntentPowerFeed>> readFeeds =
          feeds.awaitUntil(seen -> seen.size() >= 2, TIMEOUT, "the feeds");
      assertThat(readFeeds)
          .extracting(
              r -> r.key() + " " + r.value().getSide() + " " + r.value().getAllocatedDrawWatts())
          .containsExactlyInAnyOrder("2101 A 28000.0", "2102 B 36000.0");

      IntentCable cable =
          cables.awaitUntil(seen -> !seen.isEmpty(), TIMEOUT, "the cable").get(0).value();
      assertThat(cable.getAInterface()).isEqualTo("ens1f0");
      assertThat(cable.getBDeviceName()).isEqualTo("leaf-03");

      List<ConsumerRecord<String, byte[]>> dead =
          deadLetters.awaitUntil(seen -> seen.size() >= 2, TIMEOUT, "two dead letters");
      assertThat(dead)
          .extracting(r -> header(r, KafkaSink.REASON_HEADER))
          .contains("netbox device 1404: no site");
      assertThat(dead)
          .extracting(r -> header(r, KafkaSink.LOCATION_HEADER))
          .contains("/api/dcim/devices/1404/", "/api/dcim/cables/7003/");
    }

    try (Reconciler reconciler = new Reconciler(config);
        TopicReader<Discrepancy> discrepancies =
            new TopicReader<>(
                kafka.bootstrapServers(),
                topics.discrepancies(),
                values(config, Discrepancy.class))) {
      reconciler.start();
      discrepancies.awaitUntil(
          seen ->
              seen.stream()
                  .anyMatch(
                      r ->
                          r.value().getType() == DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY
                              && r.value().getState() == DiscrepancyState.OPENED
                              && r.value().getSubject().getId().equals("2102")),
          TIMEOUT,
          "FEED_ALLOCATION_OVER_CAPACITY on feed 2102 from the ingested design");
    }
  }

  private static <V extends org.apache.avro.specific.SpecificRecord>
      SpecificAvroDeserializer<V> values(PlumblineConfig config, Class<V> type) {
    SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    return values;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
