package io.plumbline.it.service;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.topology.PlumblineTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Settings for one service test: its own topics and application id on the shared components. */
final class ServiceSetup {

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String token = "it-token-" + run;
  final Map<String, String> settings = new HashMap<>();
  final PlumblineTopics topics;

  ServiceSetup(String name, int partitions) throws Exception {
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, SharedComponents.kafka().bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, SharedComponents.registry().ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-" + name + "-" + run);
    settings.put(PlumblineConfig.HTTP_HOST, "127.0.0.1");
    settings.put(PlumblineConfig.HTTP_PORT, "0");
    settings.put(PlumblineConfig.HTTP_AUTH_TOKEN, token);
    // Short commits so that queries see results quickly.
    settings.put("streams.commit.interval.ms", "200");
    PlumblineTopics.defaultNames()
        .forEach((role, topic) -> settings.put(PlumblineTopics.PREFIX + role, topic + "-" + run));
    topics = PlumblineTopics.from(settings);
    SharedComponents.kafka().createTopics(TopicLayout.newTopics(topics, partitions, (short) 1));
  }

  /** The configuration of one instance, with a state directory of its own. */
  PlumblineConfig instance(Map<String, String> extra) throws IOException {
    Map<String, String> mine = new HashMap<>(settings);
    mine.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-service-state-").toString());
    mine.putAll(extra);
    return PlumblineConfig.of(mine);
  }

  KafkaProducer<String, SpecificRecord> producer(PlumblineConfig config) {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(config.registrySettings(), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        values);
  }

  static String wrongSkuId(String deviceId) {
    return DiscrepancyType.WRONG_SKU + ":DEVICE:" + deviceId;
  }
}
