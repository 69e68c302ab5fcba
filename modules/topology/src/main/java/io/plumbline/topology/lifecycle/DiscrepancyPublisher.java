package io.plumbline.topology.lifecycle;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.topology.TopologyConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires a domain's evaluations into the discrepancy lifecycle: a named store of open discrepancies,
 * the {@link EvaluationProcessor}, and the sink to the discrepancy topic. The evaluations must
 * already be keyed by subject (no repartition happens here).
 */
public final class DiscrepancyPublisher {

  private DiscrepancyPublisher() {}

  /**
   * Adds the lifecycle for one kind of subject. {@code name} prefixes the store ({@code
   * <name>-open-discrepancies-store}), the processor and the sink.
   */
  public static void publish(
      StreamsBuilder builder,
      TopologyConfig config,
      String name,
      KStream<String, Evaluation> evaluations) {
    String storeName = name + "-open-discrepancies-store";
    Serde<Discrepancy> discrepancies = config.serdes().value(Discrepancy.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(storeName), Serdes.String(), discrepancies));
    evaluations
        .process(() -> new EvaluationProcessor(storeName), Named.as(name + "-lifecycle"), storeName)
        .to(
            config.topics().discrepancies(),
            Produced.with(Serdes.String(), discrepancies).withName(name + "-discrepancies-sink"));
  }
}
