package io.plumbline.topology.cabling;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.EvaluatedPorts;
import io.plumbline.avro.internal.v1.PlannedLinks;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Cabling: the cables NetBox plans against the LLDP neighbours each server's BMC reports, giving
 * LINK_MISSING, MISCABLED and UNEXPECTED_LINK per server interface.
 *
 * <p>Cables are re-keyed by the device at each end (two named repartitions, since NetBox puts a
 * server on either side) and folded into one {@link PlannedLinks} per device. That table is joined
 * with the installation domain's device context table (same key, co-partitioned), so a cable
 * change, a device change and a new observation all re-evaluate the device's ports; the server side
 * of a cable is simply the end whose device has an observation. The {@link PortEvaluator} emits one
 * evaluation per port to the shared discrepancy lifecycle.
 */
public final class CablingTopology {

  public static final String A_SIDE_LINKS_STORE = "cabling-planned-links-a-side-store";
  public static final String B_SIDE_LINKS_STORE = "cabling-planned-links-b-side-store";
  public static final String PLANNED_LINKS_STORE = "cabling-planned-links-store";
  public static final String EVALUATED_PORTS_STORE = "cabling-evaluated-ports-store";

  /** Lifecycle name: prefixes the open-discrepancy store, processor and sink. */
  public static final String LIFECYCLE = "cabling-interface";

  private final TopologyConfig config;
  private final PlumblineTopics topics;
  private final AvroSerdes serdes;
  private final CablingPolicy policy;

  /** The cabling domain with {@link CablingPolicy#defaults()}. */
  public CablingTopology(TopologyConfig config) {
    this(config, CablingPolicy.defaults());
  }

  public CablingTopology(TopologyConfig config, CablingPolicy policy) {
    this.config = config;
    this.topics = config.topics();
    this.serdes = config.serdes();
    this.policy = policy;
  }

  /**
   * Adds the cabling sub-topology to the builder.
   *
   * @param sources the shared input tables (cables are read from there)
   * @param deviceContexts the device context table the installation domain builds (keyed by NetBox
   *     device id), which matches observations to devices by BMC MAC
   */
  public void addTo(
      StreamsBuilder builder, SharedSources sources, KTable<String, DeviceContext> deviceContexts) {
    Serde<String> keys = Serdes.String();
    Serde<IntentCable> cableSerde = serdes.value(IntentCable.class);
    KTable<String, IntentCable> cables = sources.cables();

    KTable<String, PlannedLinks> planned =
        linksByDevice(cables, CableEnd.A, A_SIDE_LINKS_STORE, keys, cableSerde)
            .outerJoin(
                linksByDevice(cables, CableEnd.B, B_SIDE_LINKS_STORE, keys, cableSerde),
                PlannedLinksAggregation::merge,
                Named.as("cabling-planned-links"),
                linksMaterialized(PLANNED_LINKS_STORE, keys));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EVALUATED_PORTS_STORE),
            keys,
            serdes.value(EvaluatedPorts.class)));

    KStream<String, Evaluation> evaluations =
        deviceContexts
            .leftJoin(planned, DeviceCabling::new, Named.as("cabling-device-with-planned-links"))
            .toStream(Named.as("cabling-device-cabling"))
            .process(
                () -> new PortEvaluator(EVALUATED_PORTS_STORE, policy),
                Named.as("cabling-port-evaluator"),
                EVALUATED_PORTS_STORE);

    DiscrepancyPublisher.publish(builder, config, LIFECYCLE, evaluations);
  }

  /** The cables seen from one end, re-keyed by that end's device id and folded per device. */
  private KTable<String, PlannedLinks> linksByDevice(
      KTable<String, IntentCable> cables,
      CableEnd end,
      String storeName,
      Serde<String> keys,
      Serde<IntentCable> cableSerde) {
    String side = end.name().toLowerCase(Locale.ROOT);
    return cables
        .groupBy(
            (cableId, cable) -> KeyValue.pair(end.deviceId(cable), cable),
            Grouped.with("cabling-cables-by-" + side + "-device", keys, cableSerde))
        .aggregate(
            PlannedLinksAggregation::empty,
            (deviceId, cable, links) -> PlannedLinksAggregation.add(deviceId, cable, links, end),
            (deviceId, cable, links) -> PlannedLinksAggregation.remove(deviceId, cable, links, end),
            Named.as("cabling-planned-links-" + side + "-side"),
            linksMaterialized(storeName, keys));
  }

  private Materialized<String, PlannedLinks, KeyValueStore<Bytes, byte[]>> linksMaterialized(
      String storeName, Serde<String> keys) {
    return Materialized.<String, PlannedLinks, KeyValueStore<Bytes, byte[]>>as(storeName)
        .withKeySerde(keys)
        .withValueSerde(serdes.value(PlannedLinks.class));
  }
}
