package io.plumbline.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.it.support.TopicReader;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The first reconciliation end to end, against whatever broker and registry it is given: a wrong
 * SKU opens, the hardware swap resolves it; a second one opens and is resolved by correcting the
 * design. Topics and application id are unique per run.
 */
final class WrongSkuScenario {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final String bootstrap;
  private final String registryUrl;

  WrongSkuScenario(String bootstrap, String registryUrl) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
  }

  void run() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, bootstrap);
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registryUrl);
    settings.put(PlumblineConfig.APPLICATION_ID, "it-wrong-sku-" + run);
    settings.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-state-").toString());
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineTopics topics = config.topics();
    createTopics(topics);

    SpecificAvroDeserializer<Discrepancy> discrepancyReader = new SpecificAvroDeserializer<>();
    discrepancyReader.configure(config.registrySettings(), false);
    SpecificAvroDeserializer<ReconciledDevice> inventoryReader = new SpecificAvroDeserializer<>();
    inventoryReader.configure(config.registrySettings(), false);

    try (Reconciler reconciler = new Reconciler(config);
        KafkaProducer<String, SpecificRecord> producer = producer(config);
        TopicReader<Discrepancy> discrepancies =
            new TopicReader<>(bootstrap, topics.discrepancies(), discrepancyReader);
        TopicReader<ReconciledDevice> inventory =
            new TopicReader<>(bootstrap, topics.reconciledInventory(), inventoryReader)) {
      reconciler.start();

      send(
          producer, topics.intentDeviceTypes(), "21", type("21", "DGX B200", "965-24387-0002-000"));
      send(
          producer, topics.intentDeviceTypes(), "22", type("22", "DGX H100", "965-24366-0002-000"));
      send(producer, topics.intentDevices(), "1401", device("1401", "21", "3c:ec:ef:14:00:01"));
      send(producer, topics.intentDevices(), "1402", device("1402", "22", "3c:ec:ef:14:00:02"));
      send(
          producer,
          topics.observedSystems(),
          "3c:ec:ef:14:00:01",
          system("3c:ec:ef:14:00:01", "DGX H100"));
      send(
          producer,
          topics.observedSystems(),
          "3c:ec:ef:14:00:02",
          system("3c:ec:ef:14:00:02", "DGX B200"));
      producer.flush();

      discrepancies.awaitUntil(
          seen ->
              has(seen, "1401", DiscrepancyState.OPENED)
                  && has(seen, "1402", DiscrepancyState.OPENED),
          TIMEOUT,
          "WRONG_SKU OPENED for 1401 and 1402");

      // Reality fixed for 1401, design corrected for 1402.
      send(
          producer,
          topics.observedSystems(),
          "3c:ec:ef:14:00:01",
          system("3c:ec:ef:14:00:01", "DGXB200"));
      send(producer, topics.intentDevices(), "1402", device("1402", "21", "3c:ec:ef:14:00:02"));
      producer.flush();

      List<ConsumerRecord<String, Discrepancy>> all =
          discrepancies.awaitUntil(
              seen ->
                  has(seen, "1401", DiscrepancyState.RESOLVED)
                      && has(seen, "1402", DiscrepancyState.RESOLVED),
              TIMEOUT,
              "WRONG_SKU RESOLVED for 1401 and 1402");
      assertThat(all)
          .filteredOn(r -> r.value().getType() == DiscrepancyType.WRONG_SKU)
          .extracting(r -> r.value().getSubject().getId() + " " + r.value().getState())
          .containsExactlyInAnyOrder(
              "1401 OPENED", "1401 RESOLVED", "1402 OPENED", "1402 RESOLVED");
      assertThat(all).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));

      inventory.awaitUntil(
          seen ->
              latestStage(seen, "1401") == LifecycleStage.VERIFIED
                  && latestStage(seen, "1402") == LifecycleStage.VERIFIED,
          TIMEOUT,
          "both devices VERIFIED in the reconciled inventory");
    }
  }

  private static boolean has(
      List<ConsumerRecord<String, Discrepancy>> seen, String deviceId, DiscrepancyState state) {
    return seen.stream()
        .filter(r -> r.value().getType() == DiscrepancyType.WRONG_SKU)
        .anyMatch(
            r -> r.value().getSubject().getId().equals(deviceId) && r.value().getState() == state);
  }

  private static LifecycleStage latestStage(
      List<ConsumerRecord<String, ReconciledDevice>> seen, String deviceId) {
    LifecycleStage stage = null;
    for (ConsumerRecord<String, ReconciledDevice> r : seen) {
      if (deviceId.equals(r.key()) && r.value() != null) {
        stage = r.value().getStage();
      }
    }
    return stage;
  }

  private void createTopics(PlumblineTopics topics) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(TopicLayout.newTopics(topics, 2, (short) 1))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  private static KafkaProducer<String, SpecificRecord> producer(PlumblineConfig config) {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(config.registrySettings(), false);
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
        new StringSerializer(),
        values);
  }

  private static void send(
      KafkaProducer<String, SpecificRecord> producer,
      String topic,
      String key,
      SpecificRecord value) {
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  private static IntentDeviceType type(String id, String model, String partNumber) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPartNumber(partNumber)
        .setExpectedGpuCount(8)
        .build();
  }

  private static IntentDevice device(String id, String typeId, String bmcMac) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("r14-node-" + id)
        .setDeviceTypeId(typeId)
        .setSiteId("3")
        .setRackId("14")
        .setBmcMac(bmcMac)
        .build();
  }

  private static ObservedSystem system(String bmcMac, String model) {
    return ObservedSystem.newBuilder()
        .setBmcId(bmcMac)
        .setBmcMac(bmcMac)
        .setObservedAt(Instant.now())
        .setModel(model)
        .setGpus(eightGpus())
        .build();
  }

  // A full GPU complement, so the component check decides and a correct node can be VERIFIED.
  private static java.util.List<io.plumbline.avro.v1.ObservedGpu> eightGpus() {
    java.util.List<io.plumbline.avro.v1.ObservedGpu> gpus = new java.util.ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      gpus.add(
          io.plumbline.avro.v1.ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + i)
              .setModel("NVIDIA B200")
              .build());
    }
    return gpus;
  }
}
