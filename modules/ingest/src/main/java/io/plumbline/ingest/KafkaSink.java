package io.plumbline.ingest;

import io.plumbline.serde.SpecificAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to Kafka: values as registry-framed Avro, dead letters as the raw input bytes with the
 * reason in headers (the same header names Kafka Streams uses for its dead letters, so one reader
 * understands both). Transactional, so a batch (one file, one crawl) lands whole or not at all.
 */
public final class KafkaSink implements IngestSink {

  /** Header with the reason a record was rejected. */
  public static final String REASON_HEADER = "__streams.errors.message";

  /** Header naming the exception class, here always {@code IngestRejected}. */
  public static final String EXCEPTION_HEADER = "__streams.errors.exception";

  /** Header naming the ingest source (netbox, redfish, po...). */
  public static final String SOURCE_HEADER = "plumbline.ingest.source";

  /** Header with where in the source the input was (file:line, URL...). */
  public static final String LOCATION_HEADER = "plumbline.ingest.location";

  private final Producer<String, SpecificRecord> records;
  private final Producer<String, byte[]> deadLetters;
  private final String deadLetterTopic;
  private boolean inBatch;

  /**
   * @param producerSettings Kafka producer settings (bootstrap servers, security...)
   * @param registrySettings schema registry settings for the Avro serializer
   * @param transactionalId a transactional id unique to this ingest process
   * @param deadLetterTopic where rejected inputs go
   */
  public KafkaSink(
      Map<String, Object> producerSettings,
      Map<String, ?> registrySettings,
      String transactionalId,
      String deadLetterTopic) {
    Map<String, Object> recordSettings = new HashMap<>(producerSettings);
    recordSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    recordSettings.put(ProducerConfig.ACKS_CONFIG, "all");
    recordSettings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(registrySettings, false);
    this.records = new KafkaProducer<>(recordSettings, new StringSerializer(), values);
    this.records.initTransactions();

    Map<String, Object> deadLetterSettings = new HashMap<>(producerSettings);
    deadLetterSettings.put(ProducerConfig.ACKS_CONFIG, "all");
    this.deadLetters =
        new KafkaProducer<>(deadLetterSettings, new StringSerializer(), new ByteArraySerializer());
    this.deadLetterTopic = deadLetterTopic;
  }

  @Override
  public void send(String topic, String key, SpecificRecord value) {
    boolean single = !inBatch;
    if (single) {
      beginBatch();
    }
    records.send(new ProducerRecord<>(topic, key, value));
    if (single) {
      commitBatch();
    }
  }

  @Override
  public void deadLetter(String source, String location, byte[] raw, String reason) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(EXCEPTION_HEADER, utf8("IngestRejected"));
    headers.add(REASON_HEADER, utf8(reason));
    headers.add(SOURCE_HEADER, utf8(source));
    headers.add(LOCATION_HEADER, utf8(location));
    deadLetters.send(new ProducerRecord<>(deadLetterTopic, null, null, null, raw, headers));
  }

  @Override
  public void beginBatch() {
    records.beginTransaction();
    inBatch = true;
  }

  @Override
  public void commitBatch() {
    records.commitTransaction();
    inBatch = false;
  }

  @Override
  public void abortBatch() {
    records.abortTransaction();
    inBatch = false;
  }

  @Override
  public void close() {
    deadLetters.flush();
    deadLetters.close();
    records.close();
  }

  private static byte[] utf8(String text) {
    return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
  }
}
