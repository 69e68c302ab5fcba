package io.plumbline.topology.design;

import io.plumbline.avro.internal.v1.PlannedDeviceDraw;
import io.plumbline.avro.internal.v1.PlannedRackFeeds;
import io.plumbline.avro.internal.v1.PlannedRackLoad;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.UsablePower;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
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
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Design: discrepancies found in the intent alone, before anything is bought or racked.
 *
 * <ul>
 *   <li>FEED_ALLOCATION_OVER_CAPACITY, per feed: its allocated draw exceeds its {@link
 *       UsablePower}.
 *   <li>RACK_PLANNED_POWER_OVER_BUDGET and RACK_PLANNED_HEAT_OVER_COOLING, per rack: the planned
 *       draw of its devices exceeds its power budget or cooling capacity.
 *   <li>RACK_AB_REDUNDANCY_INSUFFICIENT, per rack: one side's feeds alone cannot carry the load.
 * </ul>
 *
 * <p>Devices are joined to their type with a foreign-key join and summed per rack by an aggregate
 * with adder and subtractor; feeds are collected per rack the same way; both are joined with the
 * rack table on rack id. So a change to any contributing record (device moved or deleted, type draw
 * corrected, feed upgraded, budget raised, rack deleted) re-evaluates the rack. Everything is keyed
 * by NetBox id, and the per-rack repartitions are co-partitioned with the rack table.
 *
 * <p>A device type change reaches each rack one device at a time, so an open rack finding may be
 * UPDATED on the way before it resolves (record caching coalesces most of these in production). A
 * rack whose devices' draws are not all known yet is judged on the known lower bound: enough to
 * open a finding, never to resolve one.
 */
public final class DesignTopology {

  public static final String DEVICE_DRAW_STORE = "design-device-draw-store";
  public static final String RACK_LOAD_STORE = "design-rack-load-store";
  public static final String RACK_FEEDS_STORE = "design-rack-feeds-store";

  /** Lifecycle name of feed subjects: store {@code design-power-feed-open-discrepancies-store}. */
  public static final String FEED_LIFECYCLE = "design-power-feed";

  /** Lifecycle name of rack subjects: store {@code design-rack-open-discrepancies-store}. */
  public static final String RACK_LIFECYCLE = "design-rack";

  private final TopologyConfig config;
  private final AvroSerdes serdes;
  private final RackDesignCheck rackCheck;

  /** With the {@link DesignPolicy#defaults() default policy}. */
  public DesignTopology(TopologyConfig config) {
    this(config, DesignPolicy.defaults());
  }

  public DesignTopology(TopologyConfig config, DesignPolicy policy) {
    this.config = config;
    this.serdes = config.serdes();
    this.rackCheck = new RackDesignCheck(policy);
  }

  /** Adds the design sub-topology to the builder, reading the intent tables itself. */
  public void addTo(StreamsBuilder builder) {
    addTo(builder, new SharedSources(builder, config));
  }

  /** Adds the design sub-topology to the builder, sharing intent tables with other domains. */
  public void addTo(StreamsBuilder builder, SharedSources intent) {
    KStream<String, Evaluation> feedEvaluations =
        intent
            .powerFeeds()
            .toStream(Named.as("design-power-feeds"))
            .mapValues(
                feed -> feed == null ? null : FeedAllocationCheck.evaluate(feed),
                Named.as("design-power-feed-evaluations"));
    DiscrepancyPublisher.publish(builder, config, FEED_LIFECYCLE, feedEvaluations);

    KStream<String, Evaluation> rackEvaluations =
        intent
            .racks()
            .leftJoin(
                rackLoads(intent),
                (IntentRack rack, PlannedRackLoad load) -> new RackDesign(rack, load, null),
                Named.as("design-rack-with-load"))
            .leftJoin(rackFeeds(intent), RackDesign::withFeeds, Named.as("design-rack-with-feeds"))
            .toStream(Named.as("design-racks"))
            .mapValues(rackCheck::evaluate, Named.as("design-rack-evaluations"));
    DiscrepancyPublisher.publish(builder, config, RACK_LIFECYCLE, rackEvaluations);
  }

  /** The planned draw of every racked device, per rack id. */
  private KTable<String, PlannedRackLoad> rackLoads(SharedSources intent) {
    Serde<String> keys = Serdes.String();
    Serde<PlannedDeviceDraw> drawSerde = serdes.value(PlannedDeviceDraw.class);
    return intent
        .devices()
        .filter((deviceId, device) -> device.getRackId() != null, Named.as("design-racked-devices"))
        .leftJoin(
            intent.deviceTypes(),
            IntentDevice::getDeviceTypeId,
            (device, type) ->
                new PlannedDeviceDraw(
                    device.getId(), device.getRackId(), PlannedRackAggregates.plannedDraw(type)),
            TableJoined.as("design-device-draw"),
            Materialized.<String, PlannedDeviceDraw, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_DRAW_STORE)
                .withKeySerde(keys)
                .withValueSerde(drawSerde))
        .groupBy(
            (deviceId, draw) -> KeyValue.pair(draw.getRackId(), draw),
            Grouped.with("design-device-draws-by-rack", keys, drawSerde))
        .aggregate(
            PlannedRackAggregates::emptyLoad,
            PlannedRackAggregates::addDevice,
            PlannedRackAggregates::removeDevice,
            Named.as("design-rack-load"),
            Materialized.<String, PlannedRackLoad, KeyValueStore<Bytes, byte[]>>as(RACK_LOAD_STORE)
                .withKeySerde(keys)
                .withValueSerde(serdes.value(PlannedRackLoad.class)));
  }

  /** The A and B feeds of every rack, per rack id. */
  private KTable<String, PlannedRackFeeds> rackFeeds(SharedSources intent) {
    Serde<String> keys = Serdes.String();
    return intent
        .powerFeeds()
        .filter(
            (feedId, feed) -> feed.getRackId() != null && RedundancyCheck.sideOf(feed) != null,
            Named.as("design-rack-side-feeds"))
        .groupBy(
            (feedId, feed) -> KeyValue.pair(feed.getRackId(), feed),
            Grouped.with("design-feeds-by-rack", keys, serdes.value(IntentPowerFeed.class)))
        .aggregate(
            PlannedRackAggregates::emptyFeeds,
            PlannedRackAggregates::addFeed,
            PlannedRackAggregates::removeFeed,
            Named.as("design-rack-feeds"),
            Materialized.<String, PlannedRackFeeds, KeyValueStore<Bytes, byte[]>>as(
                    RACK_FEEDS_STORE)
                .withKeySerde(keys)
                .withValueSerde(serdes.value(PlannedRackFeeds.class)));
  }
}
