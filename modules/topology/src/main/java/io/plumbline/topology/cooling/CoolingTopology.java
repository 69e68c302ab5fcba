package io.plumbline.topology.cooling;

import io.plumbline.avro.internal.v1.EnvironmentWindow;
import io.plumbline.avro.internal.v1.TelemetryHeartbeat;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.telemetry.AlertPublisher;
import io.plumbline.topology.telemetry.MeasuredAt;
import io.plumbline.topology.telemetry.SilenceDetector;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import io.plumbline.topology.validation.InputValidation;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Cooling: rack inlet and CDU sensor telemetry against fixed limits (ASHRAE inlet classes, the
 * coolant ranges of {@link CoolingPolicy}).
 *
 * <p>Readings (keyed by sensor id, event time {@code measuredAt}) are averaged per kind over
 * tumbling event-time windows with a grace period and evaluated when a window closes; {@link
 * SensorChecks} decides the discrepancies (subject SENSOR, with its rack), keeping each sensor's
 * inlet level for hysteresis; overruns also go to the alerts topic. A {@link SilenceDetector}
 * reports sensors that stopped reporting (NetBox does not model sensors, so silence is not tied to
 * the design; heartbeats are forgotten after {@link
 * io.plumbline.topology.telemetry.SilencePolicy#forgetAfter()}). Window stores keep {@link
 * CoolingPolicy#windowRetention()}; the level store holds one entry per alarmed check.
 */
public final class CoolingTopology {

  public static final String WINDOWS_STORE = "cooling-sensor-windows-store";
  public static final String INLET_LEVEL_STORE = "cooling-sensor-inlet-level-store";
  public static final String HEARTBEATS_STORE = "cooling-sensor-heartbeats-store";

  private final TopologyConfig config;
  private final PlumblineTopics topics;
  private final AvroSerdes serdes;
  private final CoolingPolicy policy;

  /** Cooling with the documented default policy. */
  public CoolingTopology(TopologyConfig config) {
    this(config, CoolingPolicy.defaults());
  }

  public CoolingTopology(TopologyConfig config, CoolingPolicy policy) {
    this.config = config;
    this.topics = config.topics();
    this.serdes = config.serdes();
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Adds the cooling sub-topology to the builder. */
  public void addTo(StreamsBuilder builder) {
    Serde<String> keys = Serdes.String();
    Serde<EnvironmentReading> readingSerde = serdes.value(EnvironmentReading.class);
    Serde<EnvironmentWindow> windowSerde = serdes.value(EnvironmentWindow.class);
    InputValidation validation = new InputValidation(config.validation());

    KStream<String, EnvironmentReading> readings =
        validation
            .environmentReadings(
                builder.stream(
                    topics.environmentReadings(),
                    Consumed.with(keys, readingSerde)
                        .withName("cooling-readings-source")
                        .withTimestampExtractor(
                            validation.eventTime(
                                MeasuredAt.of(
                                    EnvironmentReading.class, EnvironmentReading::getMeasuredAt)))))
            .filter(
                (sensorId, reading) -> sensorId != null && reading != null,
                Named.as("cooling-readings-present"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INLET_LEVEL_STORE), keys, Serdes.String()));
    KStream<String, TelemetryVerdict> verdicts =
        readings
            .groupByKey(Grouped.with("cooling-readings-by-sensor", keys, readingSerde))
            .windowedBy(TimeWindows.ofSizeAndGrace(policy.window(), policy.grace()))
            .aggregate(
                EnvironmentWindows::empty,
                EnvironmentWindows::add,
                Named.as("cooling-sensor-window-aggregate"),
                Materialized.<String, EnvironmentWindow, WindowStore<Bytes, byte[]>>as(
                        WINDOWS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(windowSerde)
                    .withRetention(policy.windowRetention()))
            .suppress(
                Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                    .withName("cooling-sensor-closed-windows"))
            .toStream(Named.as("cooling-sensor-closed-window-stream"))
            .process(
                () -> new SensorEvaluator(INLET_LEVEL_STORE, policy),
                Named.as("cooling-sensor-evaluator"),
                INLET_LEVEL_STORE);
    DiscrepancyPublisher.publish(
        builder,
        config,
        "cooling-sensor",
        verdicts.mapValues(TelemetryVerdict::evaluation, Named.as("cooling-sensor-evaluations")));
    AlertPublisher.publish(builder, config, "cooling-sensor", verdicts);

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(HEARTBEATS_STORE),
            keys,
            serdes.value(TelemetryHeartbeat.class)));
    KStream<String, Evaluation> silence =
        readings.process(
            () ->
                new SilenceDetector<EnvironmentReading>(
                    HEARTBEATS_STORE,
                    null,
                    policy.silence(),
                    DiscrepancyDomain.COOLING,
                    EnvironmentReading::getRackId,
                    CoolingSubjects::sensor),
            Named.as("cooling-sensor-silence-detector"),
            HEARTBEATS_STORE);
    DiscrepancyPublisher.publish(builder, config, "cooling-sensor-silence", silence);
  }
}
