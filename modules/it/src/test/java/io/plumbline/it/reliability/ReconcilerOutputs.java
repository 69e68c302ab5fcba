package io.plumbline.it.reliability;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.it.support.CommittedTopic;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.simulator.ExpectedTransition;
import io.plumbline.simulator.TopicRole;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a reconciler under test committed, read as a downstream consumer would ({@code
 * read_committed}), in the shapes the reliability tests compare: OPENED and RESOLVED transitions,
 * per-discrepancy histories and the latest lifecycle stage of every device.
 */
final class ReconcilerOutputs {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  private ReconcilerOutputs() {}

  /** Waits for the reconciler of {@code config} to commit every input written so far. */
  static StreamsQuiescence quiescence(PlumblineConfig config) {
    List<String> inputs = TopicRole.reconcilerInputs(config.topics());
    return new StreamsQuiescence(config.bootstrapServers(), config.applicationId(), inputs);
  }

  /** The committed discrepancy topic, in topic order. */
  static List<ConsumerRecord<String, Discrepancy>> discrepancies(PlumblineConfig config) {
    SpecificAvroDeserializer<Discrepancy> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    return CommittedTopic.read(
        config.bootstrapServers(), config.topics().discrepancies(), values, READ_TIMEOUT);
  }

  /** OPENED and RESOLVED transitions, in topic order (UPDATED depends on batching). */
  static List<ExpectedTransition> transitions(List<ConsumerRecord<String, Discrepancy>> records) {
    List<ExpectedTransition> out = new ArrayList<>();
    for (ConsumerRecord<String, Discrepancy> record : records) {
      Discrepancy d = record.value();
      if (d != null && d.getState() != DiscrepancyState.UPDATED) {
        out.add(ExpectedTransition.of(d));
      }
    }
    return out;
  }

  /**
   * Every record (UPDATED too) about the subjects of {@code transitions}, one per line with its
   * offset and timestamp, for a failure report: when a finding opened tells why.
   */
  static String recordsAbout(
      List<ConsumerRecord<String, Discrepancy>> records, List<ExpectedTransition> transitions) {
    Set<String> subjects = new HashSet<>();
    transitions.forEach(t -> subjects.add(t.subjectId()));
    StringBuilder out = new StringBuilder();
    for (ConsumerRecord<String, Discrepancy> record : records) {
      Discrepancy d = record.value();
      if (d != null && subjects.contains(d.getSubject().getId())) {
        out.append(
            String.format(
                "  @%d %s %s%n", record.offset(), Instant.ofEpochMilli(record.timestamp()), d));
      }
    }
    return out.toString();
  }

  /** Each discrepancy id's OPENED and RESOLVED transitions, in order. */
  static Map<String, List<DiscrepancyState>> histories(
      List<ConsumerRecord<String, Discrepancy>> records) {
    Map<String, List<DiscrepancyState>> out = new TreeMap<>();
    for (ConsumerRecord<String, Discrepancy> record : records) {
      Discrepancy d = record.value();
      if (d != null && d.getState() != DiscrepancyState.UPDATED) {
        out.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(d.getState());
      }
    }
    return out;
  }

  /** The latest lifecycle stage of every device in the reconciled inventory. */
  static Map<String, LifecycleStage> stages(PlumblineConfig config) {
    SpecificAvroDeserializer<ReconciledDevice> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    Map<String, LifecycleStage> stages = new TreeMap<>();
    for (ConsumerRecord<String, ReconciledDevice> record :
        CommittedTopic.read(
            config.bootstrapServers(),
            config.topics().reconciledInventory(),
            values,
            READ_TIMEOUT)) {
      if (record.value() == null) {
        stages.remove(record.key());
      } else {
        stages.put(record.key(), record.value().getStage());
      }
    }
    return stages;
  }
}
