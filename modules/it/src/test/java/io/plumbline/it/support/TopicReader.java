package io.plumbline.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning with read_committed, accumulating everything seen, and waits for
 * a condition on what was seen with a deadline: no sleeps, no fixed waits.
 */
public final class TopicReader<V> implements AutoCloseable {

  private final KafkaConsumer<String, V> consumer;
  private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();

  public TopicReader(String bootstrap, String topic, Deserializer<V> values) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
            new StringDeserializer(),
            values);
    consumer.subscribe(List.of(topic));
  }

  /** Polls until the records seen so far satisfy the condition, or fails at the deadline. */
  public List<ConsumerRecord<String, V>> awaitUntil(
      Predicate<List<ConsumerRecord<String, V>>> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(seen)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; saw " + values());
      }
      consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }
    return List.copyOf(seen);
  }

  /** Values seen so far, in order. */
  public List<V> values() {
    return seen.stream().map(ConsumerRecord::value).toList();
  }

  @Override
  public void close() {
    consumer.close();
  }
}
