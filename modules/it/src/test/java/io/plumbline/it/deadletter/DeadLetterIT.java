package io.plumbline.it.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.TopicReader;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.topology.PlumblineTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input loses nothing: records that are not Avro, or carry an unknown schema id, go to the
 * dead-letter topic with the reason in headers, are counted, and the good records around them are
 * still reconciled.
 */
class DeadLetterIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static EmbeddedKafka kafka;
  private static ApicurioRegistry registry;

  @BeforeAll
  static void start() {
    kafka = SharedComponents.kafka();
    registry = SharedComponents.registry();
  }

  @Test
  void unreadableRecordsGoToTheDeadLetterTopicAndTheRestIsReconciled() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-dead-letter-" + run);
    settings.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-state-").toString());
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineTopics topics = config.topics();
    kafka.createTopics(TopicLayout.newTopics(topics, 2, (short) 1));

    SpecificAvroDeserializer<Discrepancy> discrepancyValues = new SpecificAvroDeserializer<>();
    discrepancyValues.configure(config.registrySettings(), false);
    SpecificAvroSerializer<SpecificRecord> avro = new SpecificAvroSerializer<>();
    avro.configure(config.registrySettings(), false);

    try (Reconciler reconciler = new Reconciler(config);
        KafkaProducer<String, SpecificRecord> good =
            new KafkaProducer<>(producerSettings(), new StringSerializer(), avro);
        KafkaProducer<String, byte[]> bad =
            new KafkaProducer<>(
                producerSettings(), new StringSerializer(), new ByteArraySerializer());
        TopicReader<Discrepancy> discrepancies =
            new TopicReader<>(kafka.bootstrapServers(), topics.discrepancies(), discrepancyValues);
        TopicReader<byte[]> deadLetters =
            new TopicReader<>(
                kafka.bootstrapServers(), topics.deadLetters(), new ByteArrayDeserializer())) {
      reconciler.start();

      good.send(new ProducerRecord<>(topics.intentDeviceTypes(), "21", type()));
      good.send(new ProducerRecord<>(topics.intentDevices(), "1401", device()));
      good.flush();
      bad.send(
          new ProducerRecord<>(
              topics.observedSystems(),
              "not-avro",
              "{\"model\":\"DGX H100\"}".getBytes(StandardCharsets.UTF_8)));
      bad.send(
          new ProducerRecord<>(
              topics.observedSystems(), "unknown-id", new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 2}));
      bad.flush();
      good.send(new ProducerRecord<>(topics.observedSystems(), "3c:ec:ef:14:00:01", observed()));
      good.flush();

      discrepancies.awaitUntil(
          seen ->
              seen.stream()
                  .anyMatch(
                      r ->
                          r.value().getState() == DiscrepancyState.OPENED
                              && r.value().getSubject().getId().equals("1401")),
          TIMEOUT,
          "the good observation after the bad ones reconciled");

      List<ConsumerRecord<String, byte[]>> dead =
          deadLetters.awaitUntil(seen -> seen.size() >= 2, TIMEOUT, "two dead letters");
      assertThat(dead).hasSize(2);
      assertThat(dead).extracting(r -> r.key()).containsExactlyInAnyOrder("not-avro", "unknown-id");
      for (ConsumerRecord<String, byte[]> record : dead) {
        assertThat(headerNames(record))
            .as("dead letter headers of %s", record.key())
            .anySatisfy(name -> assertThat(name).containsIgnoringCase("exception"));
      }
      // Counted: Kafka Streams' dropped-records also counts records that processors skip on
      // purpose (a table grouping on an identity the observation does not report), so at least.
      assertThat(droppedRecords(reconciler)).isGreaterThanOrEqualTo(2.0);
    }
  }

  private static List<String> headerNames(ConsumerRecord<String, byte[]> record) {
    return java.util.stream.StreamSupport.stream(record.headers().spliterator(), false)
        .map(Header::key)
        .toList();
  }

  private static double droppedRecords(Reconciler reconciler) {
    return reconciler.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("dropped-records-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  private static Map<String, Object> producerSettings() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
  }

  private static IntentDeviceType type() {
    return IntentDeviceType.newBuilder()
        .setId("21")
        .setManufacturer("NVIDIA")
        .setModel("DGX B200")
        .setPartNumber("965-24387-0002-000")
        .build();
  }

  private static IntentDevice device() {
    return IntentDevice.newBuilder()
        .setId("1401")
        .setName("r14-node01")
        .setDeviceTypeId("21")
        .setSiteId("3")
        .setBmcMac("3c:ec:ef:14:00:01")
        .build();
  }

  private static ObservedSystem observed() {
    return ObservedSystem.newBuilder()
        .setBmcId("3c:ec:ef:14:00:01")
        .setBmcMac("3c:ec:ef:14:00:01")
        .setObservedAt(Instant.now())
        .setModel("DGX H100")
        .build();
  }
}
