package io.plumbline.it.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Paces the tests' waits: each {@link #pace()} blocks until a new transition is committed on the
 * discrepancy topic, or 200 ms pass, whichever comes first.
 */
final class TransitionWatch implements AutoCloseable {

  private final KafkaConsumer<byte[], byte[]> consumer;

  TransitionWatch(String bootstrap, String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
  }

  void pace() {
    consumer.poll(Duration.ofMillis(200));
  }

  @Override
  public void close() {
    consumer.close();
  }
}
