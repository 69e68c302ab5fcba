package io.plumbline.topology.query;

import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Read-only stores that exist for the HTTP API's interactive queries, built from Plumbline's own
 * output topics so that no domain topology changes for them:
 *
 * <ul>
 *   <li>{@value #DISCREPANCIES_STORE}: per discrepancy id, its latest transition, its
 *       acknowledgement and its last {@value DiscrepancyViews#HISTORY_LIMIT} transitions, from the
 *       discrepancy and acknowledgement topics (which must have the same number of partitions);
 *   <li>{@value #DEVICES_STORE}: the reconciled inventory, per NetBox device id.
 * </ul>
 *
 * Both are keyed like the topics they come from, so Kafka Streams' metadata for a key names the
 * instance that holds it.
 */
public final class QueryStores {

  public static final String DISCREPANCIES_STORE = "query-discrepancies-store";
  public static final String DEVICES_STORE = "query-reconciled-devices-store";

  private final PlumblineTopics topics;
  private final AvroSerdes serdes;

  public QueryStores(TopologyConfig config) {
    this.topics = config.topics();
    this.serdes = config.serdes();
  }

  /** Adds both stores and the sources that fill them. */
  public void addTo(StreamsBuilder builder) {
    addDiscrepancyViews(builder);
    addReconciledDevices(builder);
  }

  private void addDiscrepancyViews(StreamsBuilder builder) {
    Serde<String> keys = Serdes.String();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DISCREPANCIES_STORE),
            keys,
            serdes.value(DiscrepancyView.class)));
    KStream<String, ViewUpdate> transitions =
        builder.stream(
                topics.discrepancies(),
                Consumed.with(keys, serdes.value(Discrepancy.class))
                    .withName("query-discrepancies-source"))
            .mapValues(ViewUpdate::transition, Named.as("query-discrepancy-transitions"));
    KStream<String, ViewUpdate> acknowledgements =
        builder.stream(
                topics.acknowledgements(),
                Consumed.with(keys, serdes.value(Acknowledgement.class))
                    .withName("query-acknowledgements-source"))
            .mapValues(ViewUpdate::acknowledgement, Named.as("query-acknowledgement-updates"));
    transitions
        .merge(acknowledgements, Named.as("query-discrepancy-updates"))
        .process(
            () -> new DiscrepancyViewProcessor(DISCREPANCIES_STORE),
            Named.as("query-discrepancy-views"),
            DISCREPANCIES_STORE);
  }

  private void addReconciledDevices(StreamsBuilder builder) {
    Serde<ReconciledDevice> values = serdes.value(ReconciledDevice.class);
    builder.table(
        topics.reconciledInventory(),
        Consumed.with(Serdes.String(), values).withName("query-reconciled-devices"),
        Materialized.<String, ReconciledDevice, KeyValueStore<Bytes, byte[]>>as(DEVICES_STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(values));
  }
}
