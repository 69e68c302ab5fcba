package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedLoad;
import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.internal.v1.RackLoad;
import io.plumbline.avro.internal.v1.TelemetryHeartbeat;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.telemetry.AlertPublisher;
import io.plumbline.topology.telemetry.LevelledEvaluator;
import io.plumbline.topology.telemetry.MeasuredAt;
import io.plumbline.topology.telemetry.SilenceDetector;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import io.plumbline.topology.validation.InputValidation;
import io.plumbline.topology.validation.KnownFeedGate;
import io.plumbline.topology.validation.RejectionReason;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Power: feed telemetry against the feeds' budgets in the design.
 *
 * <p>Readings (keyed by feed id, event time {@code measuredAt}) are averaged over tumbling
 * event-time windows with a grace period; only closed windows count (suppressed until window end +
 * grace), so a short spike inside a window is averaged out and an out-of-order reading within the
 * grace still counts. The latest closed window of each feed is kept in a table and joined with the
 * feed table, so a new window and a design change (capacity raised, status changed, feed removed)
 * both re-evaluate the feed. {@link FeedChecks} decides the discrepancies, keeping the
 * FEED_OVER_BUDGET level per feed for hysteresis; overruns also go to the alerts topic. A separate
 * {@link SilenceDetector} reports feeds of the design that stopped reporting, and forgets feeds the
 * design removed. Each feed's latest load is also summed per rack (named repartition by rack id)
 * and joined with the rack table for {@link RackChecks} (rack budget, A/B headroom).
 *
 * <p>State is bounded: window stores keep {@link PowerPolicy#windowRetention()}, the suppression
 * buffer holds at most the open windows of each feed; the latest-window table keeps only feeds of
 * the design (a removed feed's entry is deleted), heartbeats likewise (and none past {@link
 * io.plumbline.topology.telemetry.SilencePolicy#forgetAfter()}); the other stores hold one entry
 * per designed feed or rack, or per alarmed check.
 */
public final class PowerTopology {

  public static final String WINDOWS_STORE = "power-feed-windows-store";
  public static final String LATEST_WINDOW_STORE = "power-feed-latest-window-store";
  public static final String LOAD_LEVEL_STORE = "power-feed-load-level-store";
  public static final String HEARTBEATS_STORE = "power-feed-heartbeats-store";
  public static final String FEED_LOADS_STORE = "power-feed-loads-store";
  public static final String RACK_LOADS_STORE = "power-rack-loads-store";
  public static final String RACK_LEVEL_STORE = "power-rack-level-store";

  private final PlumblineTopics topics;
  private final TopologyConfig config;
  private final AvroSerdes serdes;
  private final PowerPolicy policy;

  /** Power with the documented default policy. */
  public PowerTopology(TopologyConfig config) {
    this(config, PowerPolicy.defaults());
  }

  public PowerTopology(TopologyConfig config, PowerPolicy policy) {
    this.config = config;
    this.topics = config.topics();
    this.serdes = config.serdes();
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Adds the power sub-topology to the builder, on sources of its own. */
  public void addTo(StreamsBuilder builder) {
    addTo(builder, new SharedSources(builder, config));
  }

  /** Adds the power sub-topology to the builder, reading the shared design tables. */
  public void addTo(StreamsBuilder builder, SharedSources sources) {
    addTo(builder, sources.powerFeeds(), sources.racks());
  }

  /**
   * Adds the power sub-topology to the builder, joining telemetry with the given tables of the
   * design's power feeds and racks (keyed by NetBox id).
   */
  public void addTo(
      StreamsBuilder builder,
      KTable<String, IntentPowerFeed> feeds,
      KTable<String, IntentRack> racks) {
    Serde<String> keys = Serdes.String();
    Serde<PowerReading> readingSerde = serdes.value(PowerReading.class);
    Serde<FeedWindow> windowSerde = serdes.value(FeedWindow.class);
    Serde<IntentPowerFeed> feedSerde = serdes.value(IntentPowerFeed.class);
    InputValidation validation = new InputValidation(config.validation());

    KStream<String, PowerReading> readings =
        validation
            .powerReadings(
                builder.stream(
                    topics.powerReadings(),
                    Consumed.with(keys, readingSerde)
                        .withName("power-readings-source")
                        .withTimestampExtractor(
                            validation.eventTime(
                                MeasuredAt.of(PowerReading.class, PowerReading::getMeasuredAt)))))
            .filter(
                (feedId, reading) -> feedId != null && reading != null,
                Named.as("power-readings-present"));

    KTable<String, FeedWindow> latestWindows =
        readings
            .groupByKey(Grouped.with("power-readings-by-feed", keys, readingSerde))
            .windowedBy(TimeWindows.ofSizeAndGrace(policy.window(), policy.grace()))
            .aggregate(
                FeedWindows::empty,
                FeedWindows::add,
                Named.as("power-feed-window-aggregate"),
                Materialized.<String, FeedWindow, WindowStore<Bytes, byte[]>>as(WINDOWS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(windowSerde)
                    .withRetention(policy.windowRetention()))
            .suppress(
                Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                    .withName("power-feed-closed-windows"))
            .toStream(Named.as("power-feed-closed-window-stream"))
            .filter((window, sums) -> sums != null, Named.as("power-feed-closed-window-present"))
            .map(
                (window, sums) -> KeyValue.pair(window.key(), withBounds(window, sums)),
                Named.as("power-feed-window-by-feed-id"))
            .repartition(
                Repartitioned.with(keys, windowSerde).withName("power-feed-windows-by-feed"))
            // Only feeds of the design keep a latest window, and a feed removed from the design
            // deletes its own, so this table holds at most one entry per designed feed.
            .join(
                feeds,
                (window, feed) -> window,
                Joined.<String, FeedWindow, IntentPowerFeed>as("power-feed-window-of-designed-feed")
                    .withKeySerde(keys)
                    .withValueSerde(windowSerde)
                    .withOtherValueSerde(feedSerde))
            .merge(
                feeds
                    .toStream(Named.as("power-feed-design-changes"))
                    .filter((feedId, feed) -> feed == null, Named.as("power-feeds-removed"))
                    .mapValues(feed -> (FeedWindow) null, Named.as("power-feed-window-deletions")),
                Named.as("power-feed-windows-and-deletions"))
            .toTable(
                Named.as("power-feed-latest-window"),
                Materialized.<String, FeedWindow, KeyValueStore<Bytes, byte[]>>as(
                        LATEST_WINDOW_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(windowSerde));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(LOAD_LEVEL_STORE), keys, Serdes.String()));
    KTable<String, FeedContext> feedContexts =
        feeds.leftJoin(latestWindows, FeedContext::new, Named.as("power-feed-with-window"));
    KStream<String, TelemetryVerdict> verdicts =
        feedContexts
            .toStream(Named.as("power-feed-contexts"))
            .processValues(
                () ->
                    new LevelledEvaluator<FeedContext>(
                        LOAD_LEVEL_STORE,
                        FeedChecks.TYPES,
                        (feed, previous) -> FeedChecks.assess(feed, previous, policy)),
                Named.as("power-feed-evaluator"),
                LOAD_LEVEL_STORE);
    DiscrepancyPublisher.publish(
        builder,
        config,
        "power-feed",
        verdicts.mapValues(
            verdict -> verdict == null ? null : verdict.evaluation(),
            Named.as("power-feed-evaluations")));
    AlertPublisher.publish(builder, config, "power-feed", verdicts);

    addSilenceDetection(
        builder, ofDesignedFeeds(readings, feeds, keys, readingSerde, feedSerde), feeds, keys);
    addRackChecks(builder, feedContexts, racks, keys);
  }

  /**
   * Rack-level checks: each feed's latest load is re-keyed by its rack (named repartition) and
   * summed per rack, then joined with the rack table, so a new window, a feed moved between racks
   * or sides, and a changed rack budget all re-evaluate the rack.
   */
  private void addRackChecks(
      StreamsBuilder builder,
      KTable<String, FeedContext> feedContexts,
      KTable<String, IntentRack> racks,
      Serde<String> keys) {
    Serde<FeedLoad> loadSerde = serdes.value(FeedLoad.class);
    Serde<RackLoad> rackLoadSerde = serdes.value(RackLoad.class);
    KTable<String, RackLoad> rackLoads =
        feedContexts
            .mapValues(
                RackLoads::of,
                Named.as("power-feed-load"),
                Materialized.<String, FeedLoad, KeyValueStore<Bytes, byte[]>>as(FEED_LOADS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(loadSerde))
            .groupBy(
                (feedId, load) -> KeyValue.pair(load.getRackId(), load),
                Grouped.with("power-feed-loads-by-rack", keys, loadSerde))
            .aggregate(
                RackLoads::empty,
                RackLoads::put,
                RackLoads::remove,
                Named.as("power-rack-load-aggregate"),
                Materialized.<String, RackLoad, KeyValueStore<Bytes, byte[]>>as(RACK_LOADS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(rackLoadSerde));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RACK_LEVEL_STORE), keys, Serdes.String()));
    KStream<String, TelemetryVerdict> verdicts =
        racks
            .leftJoin(rackLoads, RackContext::new, Named.as("power-rack-with-loads"))
            .toStream(Named.as("power-rack-contexts"))
            .processValues(
                () ->
                    new LevelledEvaluator<RackContext>(
                        RACK_LEVEL_STORE,
                        RackChecks.TYPES,
                        (rack, previous) -> RackChecks.assess(rack, previous, policy)),
                Named.as("power-rack-evaluator"),
                RACK_LEVEL_STORE);
    DiscrepancyPublisher.publish(
        builder,
        config,
        "power-rack",
        verdicts.mapValues(
            verdict -> verdict == null ? null : verdict.evaluation(),
            Named.as("power-rack-evaluations")));
    AlertPublisher.publish(builder, config, "power-rack", verdicts);
  }

  /**
   * TELEMETRY_SILENT for feeds of the design: readings come only for designed feeds, and the
   * detector reads the feed table's store to forget feeds removed from the design, resolving their
   * silence.
   */
  private void addSilenceDetection(
      StreamsBuilder builder,
      KStream<String, PowerReading> readings,
      KTable<String, IntentPowerFeed> feeds,
      Serde<String> keys) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(HEARTBEATS_STORE),
            keys,
            serdes.value(TelemetryHeartbeat.class)));
    String designStore = feeds.queryableStoreName();
    String[] stores =
        designStore == null
            ? new String[] {HEARTBEATS_STORE}
            : new String[] {HEARTBEATS_STORE, designStore};
    KStream<String, Evaluation> silence =
        readings.process(
            () ->
                new SilenceDetector<PowerReading>(
                    HEARTBEATS_STORE,
                    designStore,
                    policy.silence(),
                    DiscrepancyDomain.POWER,
                    reading -> null,
                    IntentSubjects::feedId),
            Named.as("power-feed-silence-detector"),
            stores);
    DiscrepancyPublisher.publish(builder, config, "power-feed-silence", silence);
  }

  /**
   * Readings of feeds the design has; a reading for any other feed is dead-lettered as {@link
   * RejectionReason#UNKNOWN_FEED} here, where it meets the design. The windows still count it, but
   * a window of an undesigned feed meets no design in the checks, so nothing judges it. Telemetry
   * can legitimately run ahead of NetBox: such readings are kept in the dead-letter topic, with
   * their source bytes, to be replayed once the feed is designed.
   */
  private static KStream<String, PowerReading> ofDesignedFeeds(
      KStream<String, PowerReading> readings,
      KTable<String, IntentPowerFeed> feeds,
      Serde<String> keys,
      Serde<PowerReading> readingSerde,
      Serde<IntentPowerFeed> feedSerde) {
    return readings
        .leftJoin(
            feeds,
            (reading, feed) -> feed == null ? null : reading,
            Joined.<String, PowerReading, IntentPowerFeed>as("power-readings-with-design")
                .withKeySerde(keys)
                .withValueSerde(readingSerde)
                .withOtherValueSerde(feedSerde))
        .processValues(KnownFeedGate::new, Named.as("power-readings-of-designed-feeds"));
  }

  private static FeedWindow withBounds(Windowed<String> window, FeedWindow sums) {
    return FeedWindow.newBuilder(sums)
        .setFeedId(window.key())
        .setWindowStart(window.window().startTime())
        .setWindowEnd(window.window().endTime())
        .build();
  }
}
