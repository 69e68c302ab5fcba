package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.Alert;
import io.plumbline.topology.TopologyConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Wires a domain's telemetry verdicts to the alerts topic: a named store of firing alerts, the
 * {@link AlertProcessor} and the sink. Verdicts must already be keyed by subject.
 */
public final class AlertPublisher {

  private AlertPublisher() {}

  /**
   * Adds the alerting for one kind of subject; {@code name} prefixes the store ({@code
   * <name>-firing-alerts-store}), the processor and the sink.
   */
  public static void publish(
      StreamsBuilder builder,
      TopologyConfig config,
      String name,
      KStream<String, TelemetryVerdict> verdicts) {
    String storeName = name + "-firing-alerts-store";
    Serde<Alert> alerts = config.serdes().value(Alert.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(storeName), Serdes.String(), alerts));
    verdicts
        .process(() -> new AlertProcessor(storeName), Named.as(name + "-alerts"), storeName)
        .to(
            config.topics().alerts(),
            Produced.with(Serdes.String(), alerts).withName(name + "-alerts-sink"));
  }
}
