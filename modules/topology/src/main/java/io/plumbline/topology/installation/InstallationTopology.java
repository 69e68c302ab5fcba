package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.DeviceWithType;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.identity.IdentityMatching;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Installation: intended devices, their device types and racks, and the systems their BMCs report.
 *
 * <p>Identity: {@link IdentityMatching} matches each observation to at most one intended device by
 * serial, BMC MAC, asset tag, then location (never guessing), giving a match table keyed by device
 * id. Devices are joined to their type and rack (foreign key), to their match (key) and, through
 * the matched BMC key, to the observation (foreign key): a change on any side, including an intent
 * change that re-matches, re-evaluates the device. The {@link DeviceReconciler} turns evaluations
 * into discrepancy transitions and the reconciled inventory; observations matched to no device are
 * published as UNEXPECTED_DEVICE per BMC.
 */
public final class InstallationTopology {

  public static final String DEVICE_WITH_TYPE_STORE = "device-with-type-store";
  public static final String DEVICE_WITH_RACK_STORE = "installation-device-with-rack-store";
  public static final String DEVICE_WITH_MATCH_STORE = "installation-device-with-match-store";
  public static final String DEVICE_CONTEXT_STORE = "device-context-store";
  public static final String OPEN_DISCREPANCIES_STORE = "installation-open-discrepancies-store";
  public static final String AWAITING_DEADLINE_STORE = "installation-awaiting-deadline-store";

  private final PlumblineTopics topics;
  private final AvroSerdes serdes;
  private final TopologyConfig config;
  private final InstallationPolicy policy;

  public InstallationTopology(TopologyConfig config) {
    this(config, InstallationPolicy.defaults());
  }

  public InstallationTopology(TopologyConfig config, InstallationPolicy policy) {
    this.config = config;
    this.topics = config.topics();
    this.serdes = config.serdes();
    this.policy = policy;
  }

  /** Adds the installation sub-topology to the builder, on sources of its own. */
  public KTable<String, DeviceContext> addTo(StreamsBuilder builder) {
    return addTo(builder, new SharedSources(builder, config));
  }

  /**
   * Adds the installation sub-topology to the builder, reading the shared sources, and returns the
   * device context table (keyed by NetBox device id, materialized as {@link #DEVICE_CONTEXT_STORE})
   * so other domains join against the same observation-to-device matching.
   */
  public KTable<String, DeviceContext> addTo(StreamsBuilder builder, SharedSources sources) {
    Serde<String> keys = Serdes.String();
    Serde<IntentDevice> deviceSerde = serdes.value(IntentDevice.class);
    Serde<IntentDeviceType> typeSerde = serdes.value(IntentDeviceType.class);
    Serde<IntentRack> rackSerde = serdes.value(IntentRack.class);
    Serde<ObservedSystem> observedSerde = serdes.value(ObservedSystem.class);
    Serde<DeviceWithType> withTypeSerde = serdes.value(DeviceWithType.class);

    KTable<String, IntentDevice> devices = sources.devices();
    KTable<String, IntentDeviceType> types = sources.deviceTypes();
    KTable<String, IntentRack> racks = sources.racks();
    KTable<String, ObservedSystem> observed = sources.observedSystems();

    KTable<String, DeviceWithType> devicesWithTypes =
        devices.leftJoin(
            types,
            IntentDevice::getDeviceTypeId,
            (device, type) ->
                DeviceWithType.newBuilder().setDevice(device).setDeviceType(type).build(),
            TableJoined.as("device-with-type"),
            Materialized.<String, DeviceWithType, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_WITH_TYPE_STORE)
                .withKeySerde(keys)
                .withValueSerde(withTypeSerde));

    KTable<String, DeviceWithType> placed =
        devicesWithTypes.leftJoin(
            racks,
            withType -> withType.getDevice().getRackId(),
            (withType, rack) -> DeviceWithType.newBuilder(withType).setRack(rack).build(),
            TableJoined.as("installation-device-with-rack"),
            Materialized.<String, DeviceWithType, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_WITH_RACK_STORE)
                .withKeySerde(keys)
                .withValueSerde(withTypeSerde));

    IdentityMatching.Tables identity =
        new IdentityMatching("installation-identity", serdes).addTo(placed, observed);

    KTable<String, DeviceWithType> matched =
        placed.leftJoin(
            identity.deviceMatches(),
            (device, match) ->
                DeviceWithType.newBuilder(device)
                    .setBmcId(match == null ? null : match.getBmcId())
                    .setMatchedBy(
                        match == null || match.getBmcId() == null ? null : match.getMatchedBy())
                    .build(),
            Named.as("installation-device-with-match"),
            Materialized.<String, DeviceWithType, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_WITH_MATCH_STORE)
                .withKeySerde(keys)
                .withValueSerde(withTypeSerde));

    KTable<String, DeviceContext> contexts =
        matched.leftJoin(
            observed,
            DeviceWithType::getBmcId,
            (device, system) ->
                DeviceContext.newBuilder()
                    .setDevice(device.getDevice())
                    .setDeviceType(device.getDeviceType())
                    .setRack(device.getRack())
                    .setObserved(system)
                    .setMatchedBy(system == null ? null : device.getMatchedBy())
                    .build(),
            TableJoined.as("device-with-observation"),
            Materialized.<String, DeviceContext, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_CONTEXT_STORE)
                .withKeySerde(keys)
                .withValueSerde(serdes.value(DeviceContext.class)));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(OPEN_DISCREPANCIES_STORE),
            keys,
            serdes.value(Discrepancy.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(AWAITING_DEADLINE_STORE),
            keys,
            serdes.value(DeviceContext.class)));

    KStream<String, DeviceVerdict> verdicts =
        contexts
            .toStream(Named.as("device-contexts"))
            .process(
                () ->
                    new DeviceReconciler(
                        OPEN_DISCREPANCIES_STORE,
                        AWAITING_DEADLINE_STORE,
                        policy.deadlineCheckInterval()),
                Named.as("device-reconciler"),
                OPEN_DISCREPANCIES_STORE,
                AWAITING_DEADLINE_STORE);

    verdicts
        .flatMap(
            (deviceId, verdict) -> keyedById(verdict.transitions()),
            Named.as("device-discrepancy-transitions"))
        .to(
            topics.discrepancies(),
            Produced.with(keys, serdes.value(Discrepancy.class))
                .withName("device-discrepancies-sink"));
    verdicts
        .mapValues(DeviceVerdict::reconciled, Named.as("device-reconciled"))
        .to(
            topics.reconciledInventory(),
            Produced.with(keys, serdes.value(ReconciledDevice.class))
                .withName("reconciled-inventory-sink"));

    KStream<String, Evaluation> bmcEvaluations =
        identity
            .observationMatches()
            .leftJoin(
                identity.claimOutcomes(),
                UnexpectedDeviceCheck::evaluate,
                Named.as("installation-bmc-evaluation"))
            .toStream(Named.as("installation-bmc-evaluations"));
    DiscrepancyPublisher.publish(builder, config, "installation-bmc", bmcEvaluations);
    return contexts;
  }

  private static List<KeyValue<String, Discrepancy>> keyedById(List<Discrepancy> transitions) {
    return transitions.stream().map(d -> KeyValue.pair(d.getId(), d)).toList();
  }
}
