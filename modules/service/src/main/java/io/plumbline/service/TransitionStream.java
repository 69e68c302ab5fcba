package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.serde.AvroJson;
import io.plumbline.serde.SpecificAvroDeserializer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the discrepancy topic from its end with a consumer of its own (read_committed, every
 * partition assigned, no consumer group, nothing committed), hands each committed transition to the
 * subscribers (the SSE clients), and records the end-to-end latency: from the transition record's
 * timestamp, which Kafka Streams carries over from the input record that caused it, to the moment
 * this consumer reads it committed.
 */
final class TransitionStream implements AutoCloseable {

  /** One transition: an SSE event id ({@code partition-offset}) and the discrepancy as JSON. */
  record Event(String id, ObjectNode discrepancy) {}

  private static final Logger LOG = LoggerFactory.getLogger(TransitionStream.class);

  private final KafkaConsumer<String, Discrepancy> consumer;
  private final String topic;
  private final Set<Consumer<Event>> subscribers = new CopyOnWriteArraySet<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final Timer latency;
  private final Clock clock;
  private final Thread thread;

  TransitionStream(
      Map<String, Object> clients,
      Map<String, ?> registry,
      String topic,
      MeterRegistry meters,
      Clock clock) {
    Map<String, Object> settings = new HashMap<>(clients);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "plumbline-transition-stream");
    SpecificAvroDeserializer<Discrepancy> values = new SpecificAvroDeserializer<>();
    values.configure(registry, false);
    this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), values);
    this.topic = topic;
    this.clock = clock;
    this.latency =
        Timer.builder("plumbline.discrepancy.latency")
            .description(
                "From the triggering input record's timestamp to this instance reading the"
                    + " committed transition")
            .serviceLevelObjectives(
                Duration.ofMillis(100),
                Duration.ofMillis(500),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofMinutes(15),
                Duration.ofHours(1))
            .register(meters);
    this.thread = new Thread(this::run, "plumbline-transition-stream");
    this.thread.setDaemon(true);
  }

  /** Starts following; returns once the consumer sits at the topic's end (or the timeout). */
  void start(Duration timeout) throws InterruptedException {
    thread.start();
    if (!positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("transition stream not positioned on {} after {}", topic, timeout);
    }
  }

  /** Adds a subscriber; run the returned action to remove it. */
  Runnable subscribe(Consumer<Event> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  private void run() {
    try {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      positioned.countDown();
      while (running.get()) {
        for (ConsumerRecord<String, Discrepancy> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            continue;
          }
          long lag = clock.millis() - record.timestamp();
          latency.record(Math.max(0, lag), TimeUnit.MILLISECONDS);
          Event event =
              new Event(
                  record.partition() + "-" + record.offset(), AvroJson.toJson(record.value()));
          subscribers.forEach(s -> s.accept(event));
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        LOG.error("transition stream woken up unexpectedly", e);
      }
    } catch (RuntimeException e) {
      LOG.error("transition stream on {} stopped", topic, e);
    } finally {
      positioned.countDown();
      consumer.close();
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
