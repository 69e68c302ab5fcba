package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.DeviceReceipt;
import io.plumbline.avro.internal.v1.DeviceWithType;
import io.plumbline.avro.internal.v1.IdSet;
import io.plumbline.avro.internal.v1.InstalledSerial;
import io.plumbline.avro.internal.v1.SerialReceipts;
import io.plumbline.avro.internal.v1.SerialSighting;
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
import io.plumbline.topology.identity.IdSets;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.identity.IdentityMatching;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.supply.SupplyKeys;
import io.plumbline.topology.supply.SupplyTables;
import java.util.Comparator;
import java.util.List;
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
 *
 * <p>Given supply's {@link SupplyTables}, each device context is further joined (foreign key) to
 * the coverage of its site's SKU and to the receipts carrying its serial (the observed one, else
 * NetBox's), so a PO line or a receipt changing re-evaluates the devices it concerns: the ORDERED
 * and RECEIVED stages and SERIAL_NOT_RECEIVED.
 */
public final class InstallationTopology {

  public static final String DEVICE_WITH_TYPE_STORE = "device-with-type-store";
  public static final String DEVICE_WITH_RACK_STORE = "installation-device-with-rack-store";
  public static final String DEVICE_WITH_MATCH_STORE = "installation-device-with-match-store";
  public static final String DEVICE_CONTEXT_STORE = "device-context-store";
  public static final String OPEN_DISCREPANCIES_STORE = "installation-open-discrepancies-store";
  public static final String AWAITING_DEADLINE_STORE = "installation-awaiting-deadline-store";
  public static final String TYPES_BY_MODEL_STORE = "installation-device-types-by-model-store";
  public static final String DEVICE_WITH_MODEL_TYPES_STORE =
      "installation-device-with-model-types-store";
  public static final String INSTALLED_SERIALS_STORE = "installation-installed-serials-store";
  public static final String DEVICE_WITH_COVERAGE_STORE = "installation-device-with-coverage-store";
  public static final String DEVICE_WITH_RECEIPTS_STORE = "installation-device-with-receipts-store";

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
    return addTo(builder, sources, null);
  }

  /**
   * As {@link #addTo(StreamsBuilder, SharedSources)}, with supply joined into the reconciled
   * inventory when {@code supply} is not null. The returned device contexts carry no supply, so
   * domains joining them are not re-evaluated by PO lines or receipts.
   */
  public KTable<String, DeviceContext> addTo(
      StreamsBuilder builder, SharedSources sources, SupplyTables supply) {
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
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INSTALLED_SERIALS_STORE),
            keys,
            serdes.value(InstalledSerial.class)));

    KTable<String, DeviceContext> withModelTypes = withModelTypes(contexts, types);
    KTable<String, DeviceContext> reconciled =
        supply == null ? withModelTypes : withSupply(withModelTypes, supply);
    boolean supplyJoined = supply != null;
    KStream<String, DeviceVerdict> verdicts =
        reconciled
            .toStream(Named.as("device-contexts"))
            .process(
                () ->
                    new DeviceReconciler(
                        OPEN_DISCREPANCIES_STORE,
                        AWAITING_DEADLINE_STORE,
                        INSTALLED_SERIALS_STORE,
                        policy,
                        supplyJoined),
                Named.as("device-reconciler"),
                OPEN_DISCREPANCIES_STORE,
                AWAITING_DEADLINE_STORE,
                INSTALLED_SERIALS_STORE);

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

  /**
   * Joins each device context (foreign key: the normalised model its system reports) to the device
   * types of that model, so WRONG_SKU can tell a model naming another known type from a vendor
   * writing its order code in the model field; a type added or renamed re-evaluates.
   */
  private KTable<String, DeviceContext> withModelTypes(
      KTable<String, DeviceContext> contexts, KTable<String, IntentDeviceType> types) {
    Serde<String> keys = Serdes.String();
    KTable<String, IdSet> typesByModel =
        types
            .filter(
                (typeId, type) -> Identifiers.model(type.getModel()) != null,
                Named.as("installation-types-with-model"))
            .groupBy(
                (typeId, type) -> KeyValue.pair(Identifiers.model(type.getModel()), typeId),
                Grouped.with("installation-device-types-by-model", keys, keys))
            .aggregate(
                () -> new IdSet(List.of()),
                (model, typeId, set) -> IdSets.with(set, typeId),
                (model, typeId, set) -> IdSets.without(set, typeId),
                Named.as("installation-device-types-by-model-index"),
                Materialized.<String, IdSet, KeyValueStore<Bytes, byte[]>>as(TYPES_BY_MODEL_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(serdes.value(IdSet.class)));
    return contexts.leftJoin(
        typesByModel,
        context ->
            context.getObserved() == null
                ? null
                : Identifiers.model(context.getObserved().getModel()),
        (context, typeIds) ->
            DeviceContext.newBuilder(context)
                .setObservedModelTypes(typeIds == null ? List.of() : typeIds.getIds())
                .build(),
        TableJoined.as("installation-device-with-model-types"),
        Materialized.<String, DeviceContext, KeyValueStore<Bytes, byte[]>>as(
                DEVICE_WITH_MODEL_TYPES_STORE)
            .withKeySerde(keys)
            .withValueSerde(serdes.value(DeviceContext.class)));
  }

  /**
   * Joins each device context to its site's SKU coverage and to the receipts carrying its serial,
   * both by foreign key; a device without SKU or serial joins nothing and is neither ORDERED nor
   * RECEIVED.
   */
  private KTable<String, DeviceContext> withSupply(
      KTable<String, DeviceContext> contexts, SupplyTables supply) {
    Serde<DeviceContext> contextSerde = serdes.value(DeviceContext.class);
    return contexts
        .leftJoin(
            supply.coveredSiteSkus(),
            InstallationTopology::siteSkuOf,
            (context, covered) ->
                DeviceContext.newBuilder(context).setOrdered(covered != null).build(),
            TableJoined.as("installation-device-with-coverage"),
            Materialized.<String, DeviceContext, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_WITH_COVERAGE_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(contextSerde))
        .leftJoin(
            supply.receivedSerials(),
            InstallationTopology::serialOf,
            (context, receipts) ->
                DeviceContext.newBuilder(context).setReceivedOn(receiptsOf(receipts)).build(),
            TableJoined.as("installation-device-with-receipts"),
            Materialized.<String, DeviceContext, KeyValueStore<Bytes, byte[]>>as(
                    DEVICE_WITH_RECEIPTS_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(contextSerde));
  }

  private static String siteSkuOf(DeviceContext context) {
    return context.getDeviceType() == null
        ? null
        : SupplyKeys.siteSku(context.getDevice(), context.getDeviceType());
  }

  /** The serial in the slot: the one the BMC reports, else the one NetBox assigns. */
  private static String serialOf(DeviceContext context) {
    String observed = ObservedSerial.of(context);
    return observed != null ? observed : Identifiers.serial(context.getDevice().getSerial());
  }

  private static List<DeviceReceipt> receiptsOf(SerialReceipts receipts) {
    if (receipts == null) {
      return List.of();
    }
    return receipts.getSightings().values().stream()
        .filter(s -> s.getOccurrences() > 0)
        .sorted(Comparator.comparing(SerialSighting::getReceiptId))
        .map(s -> new DeviceReceipt(s.getReceiptId(), s.getPoNumber(), s.getPoLine()))
        .toList();
  }

  private static List<KeyValue<String, Discrepancy>> keyedById(List<Discrepancy> transitions) {
    return transitions.stream().map(d -> KeyValue.pair(d.getId(), d)).toList();
  }
}
