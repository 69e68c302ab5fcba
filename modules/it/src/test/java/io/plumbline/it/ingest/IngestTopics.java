package io.plumbline.it.ingest;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.TopicLayout;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.ingest.KafkaSink;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.topology.PlumblineTopics;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Topics of their own for one ingest test, on the shared broker and registry. */
final class IngestTopics {

  final EmbeddedKafka kafka;
  final PlumblineConfig config;
  final PlumblineTopics topics;
  final String run = UUID.randomUUID().toString().substring(0, 8);

  IngestTopics(EmbeddedKafka kafka, ApicurioRegistry registry, String test) {
    this.kafka = kafka;
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-" + test + "-" + run);
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    config = PlumblineConfig.of(settings);
    topics = config.topics();
    kafka.createTopics(TopicLayout.newTopics(topics, 1, (short) 1));
  }

  Map<String, Object> clientSettings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    return settings;
  }

  /** The sink `plumbline ingest` uses: transactional Avro records, dead letters with headers. */
  KafkaSink sink(String source) {
    return new KafkaSink(
        clientSettings(),
        config.registrySettings(),
        "it-ingest-" + source + "-" + run,
        topics.deadLetters());
  }

  <V extends SpecificRecord> SpecificAvroDeserializer<V> values() {
    SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    return values;
  }
}
