package io.plumbline.service;

import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.serde.SpecificAvroSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records acknowledgements on their compacted topic, keyed by discrepancy id, and returns only once
 * the broker has them (acks=all, idempotent): an acknowledgement the API confirmed survives any
 * restart. A tombstone withdraws one.
 */
final class AcknowledgementWriter implements AutoCloseable {

  private static final long SEND_TIMEOUT_SECONDS = 30;

  private final KafkaProducer<String, Acknowledgement> producer;
  private final String topic;

  AcknowledgementWriter(Map<String, Object> clients, Map<String, ?> registry, String topic) {
    Map<String, Object> settings = new HashMap<>(clients);
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "plumbline-acknowledgements");
    SpecificAvroSerializer<Acknowledgement> values = new SpecificAvroSerializer<>();
    values.configure(registry, false);
    this.producer = new KafkaProducer<>(settings, new StringSerializer(), values);
    this.topic = topic;
  }

  void record(Acknowledgement acknowledgement) {
    send(acknowledgement.getDiscrepancyId(), acknowledgement);
  }

  void withdraw(String discrepancyId) {
    send(discrepancyId, null);
  }

  private void send(String key, Acknowledgement value) {
    try {
      producer
          .send(new ProducerRecord<>(topic, key, value))
          .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw ApiException.unavailable("could not record on " + topic + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while recording on " + topic);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
