package io.plumbline.bench.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: a consumer and a producer copying every record of a topic to another, bytes
 * untouched, as fast as the broker allows. Exactly-once copies in transactions that also commit the
 * consumed offsets, every 100 ms (Kafka Streams' commit interval under exactly-once); plain copies
 * with at-least-once commits. Settings otherwise as Kafka Streams sets its own clients.
 */
public final class PassThrough {

  private static final long EXACTLY_ONCE_COMMIT_NANOS = 100_000_000L;

  private final String bootstrapServers;

  public PassThrough(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Copies {@code from} to {@code to} from the beginning to the end as of the call.
   *
   * @return how long it took, from the first poll to the last commit
   */
  public Duration copy(String from, String to, boolean exactlyOnce, String groupId) {
    Map<String, Object> consumerSettings = new HashMap<>();
    consumerSettings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    consumerSettings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerSettings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
    consumerSettings.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, exactlyOnce ? "read_committed" : "read_uncommitted");
    Map<String, Object> producerSettings = new HashMap<>();
    producerSettings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, 100);
    producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
    if (exactlyOnce) {
      producerSettings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, groupId + "-tx");
    }
    try (KafkaConsumer<byte[], byte[]> consumer =
            new KafkaConsumer<>(
                consumerSettings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                producerSettings, new ByteArraySerializer(), new ByteArraySerializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(from).stream()
              .map(p -> new TopicPartition(from, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      if (exactlyOnce) {
        producer.initTransactions();
      }
      long start = System.nanoTime();
      long lastCommit = start;
      if (exactlyOnce) {
        producer.beginTransaction();
      }
      boolean done = false;
      while (!done) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          producer.send(
              new ProducerRecord<>(to, null, record.timestamp(), record.key(), record.value()));
        }
        done = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
        long now = System.nanoTime();
        if (exactlyOnce && (done || now - lastCommit >= EXACTLY_ONCE_COMMIT_NANOS)) {
          producer.sendOffsetsToTransaction(
              positions(consumer, partitions), consumer.groupMetadata());
          producer.commitTransaction();
          lastCommit = now;
          if (!done) {
            producer.beginTransaction();
          }
        }
      }
      if (!exactlyOnce) {
        producer.flush();
        consumer.commitSync(positions(consumer, partitions));
      }
      return Duration.ofNanos(System.nanoTime() - start);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> positions(
      KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition p : partitions) {
      offsets.put(p, new OffsetAndMetadata(consumer.position(p)));
    }
    return offsets;
  }
}
