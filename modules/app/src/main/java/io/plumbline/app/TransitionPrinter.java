package io.plumbline.app;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.serde.SpecificAvroDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the discrepancy topic (committed records only) and prints one line per transition: time,
 * state, type, subject, expected and observed.
 */
final class TransitionPrinter implements Runnable, AutoCloseable {

  private final KafkaConsumer<String, Discrepancy> consumer;
  private final String topic;
  private final PrintStream out;
  private final Consumer<Discrepancy> listener;
  private final AtomicBoolean running = new AtomicBoolean(true);

  TransitionPrinter(PlumblineConfig config, PrintStream out, Consumer<Discrepancy> listener) {
    this.topic = config.topics().discrepancies();
    this.out = out;
    this.listener = listener;
    SpecificAvroDeserializer<Discrepancy> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "plumbline-printer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
            new StringDeserializer(),
            values);
  }

  static String format(Discrepancy d) {
    String subject =
        d.getSubject().getKind()
            + " "
            + (d.getSubject().getName() != null ? d.getSubject().getName() : "")
            + " (id "
            + d.getSubject().getId()
            + ")";
    return String.format(
        "%s  %-8s %-9s %-12s %s  expected: %s  observed: %s",
        d.getChangedAt(),
        d.getState(),
        d.getSeverity(),
        d.getType(),
        subject,
        d.getExpected(),
        d.getObserved());
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(topic));
      while (running.get()) {
        for (ConsumerRecord<String, Discrepancy> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null) {
            out.println(format(record.value()));
            listener.accept(record.value());
          }
        }
      }
    } catch (WakeupException e) {
      if (running.get()) {
        throw e;
      }
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() {
    running.set(false);
    consumer.wakeup();
  }
}
