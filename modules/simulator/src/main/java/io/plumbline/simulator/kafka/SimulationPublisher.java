package io.plumbline.simulator.kafka;

import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.topology.PlumblineTopics;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces a simulated site to Kafka in the registry's wire format, phase by phase, each record
 * with its simulated timestamp. Between phases it flushes and calls a barrier, so a caller can let
 * the reconciler catch up before the next phase (as days would pass between them in reality).
 */
public final class SimulationPublisher implements AutoCloseable {

  /** Called after each phase has been produced and flushed. */
  @FunctionalInterface
  public interface PhaseBarrier {
    void afterPhase(Scenario.Phase phase, long records) throws Exception;
  }

  private final KafkaProducer<String, SpecificRecord> producer;
  private final PlumblineTopics topics;

  /**
   * @param registrySettings the serde's registry settings (URL and optional auth)
   */
  public SimulationPublisher(
      String bootstrapServers, Map<String, ?> registrySettings, PlumblineTopics topics) {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(registrySettings, false);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20),
            new StringSerializer(),
            values);
    this.topics = topics;
  }

  /** Produces every phase of the site; returns the number of records. */
  public long publish(SiteSimulator simulator, PhaseBarrier barrier) throws Exception {
    long total = 0;
    for (Scenario.Phase phase : Scenario.Phase.values()) {
      long[] count = {0};
      simulator.play(
          phase,
          event -> {
            send(event);
            count[0]++;
          });
      producer.flush();
      total += count[0];
      barrier.afterPhase(phase, count[0]);
    }
    return total;
  }

  public void send(SimEvent event) {
    producer.send(
        new ProducerRecord<>(
            event.role().topic(topics), null, event.timestamp(), event.key(), event.value()));
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
