package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.DeviceWithType;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.identity.Identifiers;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Installation: intended devices, their device types and the systems their BMCs report. Devices are
 * joined to types and to observations with foreign-key table joins, so a change on either side
 * re-evaluates the device; the {@link DeviceReconciler} turns evaluations into discrepancy
 * transitions and the reconciled inventory.
 *
 * <p>Observations are matched by BMC MAC here; richer identity (serial, asset tag, location)
 * replaces the foreign-key extractor without changing the rest.
 */
public final class InstallationTopology {

  public static final String DEVICES_STORE = "intent-devices-store";
  public static final String DEVICE_TYPES_STORE = "intent-device-types-store";
  public static final String OBSERVED_SYSTEMS_STORE = "observed-systems-store";
  public static final String DEVICE_WITH_TYPE_STORE = "device-with-type-store";
  public static final String DEVICE_CONTEXT_STORE = "device-context-store";
  public static final String OPEN_DISCREPANCIES_STORE = "installation-open-discrepancies-store";

  private final PlumblineTopics topics;
  private final AvroSerdes serdes;

  public InstallationTopology(TopologyConfig config) {
    this.topics = config.topics();
    this.serdes = config.serdes();
  }

  /**
   * Adds the installation sub-topology to the builder and returns the device context table (keyed
   * by NetBox device id, materialized as {@link #DEVICE_CONTEXT_STORE}), so other domains can join
   * against the same observation-to-device matching instead of reading the topics again.
   */
  public KTable<String, DeviceContext> addTo(StreamsBuilder builder) {
    Serde<String> keys = Serdes.String();
    Serde<IntentDevice> deviceSerde = serdes.value(IntentDevice.class);
    Serde<IntentDeviceType> typeSerde = serdes.value(IntentDeviceType.class);
    Serde<ObservedSystem> observedSerde = serdes.value(ObservedSystem.class);

    KTable<String, IntentDevice> devices =
        builder.table(
            topics.intentDevices(),
            Consumed.with(keys, deviceSerde).withName("intent-devices-source"),
            Materialized.<String, IntentDevice, KeyValueStore<Bytes, byte[]>>as(DEVICES_STORE)
                .withKeySerde(keys)
                .withValueSerde(deviceSerde));
    KTable<String, IntentDeviceType> types =
        builder.table(
            topics.intentDeviceTypes(),
            Consumed.with(keys, typeSerde).withName("intent-device-types-source"),
            Materialized.<String, IntentDeviceType, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_TYPES_STORE)
                .withKeySerde(keys)
                .withValueSerde(typeSerde));
    KTable<String, ObservedSystem> observed = observedByBmc(builder, keys, observedSerde);

    KTable<String, DeviceWithType> devicesWithTypes =
        devices.leftJoin(
            types,
            IntentDevice::getDeviceTypeId,
            (device, type) -> new DeviceWithType(device, type),
            TableJoined.as("device-with-type"),
            Materialized.<String, DeviceWithType, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_WITH_TYPE_STORE)
                .withKeySerde(keys)
                .withValueSerde(serdes.value(DeviceWithType.class)));

    KTable<String, DeviceContext> contexts =
        devicesWithTypes.leftJoin(
            observed,
            withType -> Identifiers.mac(withType.getDevice().getBmcMac()),
            (withType, system) ->
                new DeviceContext(withType.getDevice(), withType.getDeviceType(), system),
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

    KStream<String, DeviceVerdict> verdicts =
        contexts
            .toStream(Named.as("device-contexts"))
            .process(
                () -> new DeviceReconciler(OPEN_DISCREPANCIES_STORE),
                Named.as("device-reconciler"),
                OPEN_DISCREPANCIES_STORE);

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
    return contexts;
  }

  /**
   * The latest observation per BMC, keyed by the normalised BMC MAC (else the key as sent), so
   * ingest's key spelling cannot split one BMC in two.
   */
  private KTable<String, ObservedSystem> observedByBmc(
      StreamsBuilder builder, Serde<String> keys, Serde<ObservedSystem> observedSerde) {
    return builder.stream(
            topics.observedSystems(),
            Consumed.with(keys, observedSerde).withName("observed-systems-source"))
        .filter((bmcId, system) -> system != null, Named.as("observed-systems-present"))
        .selectKey((bmcId, system) -> bmcKey(bmcId, system), Named.as("observed-systems-by-bmc"))
        .toTable(
            Named.as("observed-systems-table"),
            Materialized.<String, ObservedSystem, KeyValueStore<Bytes, byte[]>>as(
                    OBSERVED_SYSTEMS_STORE)
                .withKeySerde(keys)
                .withValueSerde(observedSerde));
  }

  static String bmcKey(String key, ObservedSystem system) {
    String mac = Identifiers.mac(system.getBmcMac());
    if (mac == null) {
      mac = Identifiers.mac(system.getBmcId());
    }
    return mac != null ? mac : (key != null ? key : system.getBmcId());
  }

  private static List<KeyValue<String, Discrepancy>> keyedById(List<Discrepancy> transitions) {
    return transitions.stream().map(d -> KeyValue.pair(d.getId(), d)).toList();
  }
}
