package io.plumbline.topology;

import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.validation.InputValidation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The input topics shared by several domains, each read once per topology: Kafka Streams allows one
 * source per topic, and one table per intent topic keeps one copy of its state. Domains ask for
 * what they need; each source is created on first request with a fixed name, so the topology stays
 * stable whatever the order in which domains are composed.
 */
public final class SharedSources {

  public static final String DEVICES_STORE = "intent-devices-store";
  public static final String DEVICE_TYPES_STORE = "intent-device-types-store";
  public static final String RACKS_STORE = "intent-racks-store";
  public static final String CABLES_STORE = "intent-cables-store";
  public static final String POWER_FEEDS_STORE = "intent-power-feeds-store";
  public static final String PURCHASE_ORDERS_STORE = "purchase-orders-store";
  public static final String OBSERVED_SYSTEMS_STORE = "observed-systems-store";

  private final StreamsBuilder builder;
  private final PlumblineTopics topics;
  private final AvroSerdes serdes;
  private final InputValidation validation;
  private final Map<String, Object> created = new HashMap<>();

  public SharedSources(StreamsBuilder builder, TopologyConfig config) {
    this.builder = builder;
    this.topics = config.topics();
    this.serdes = config.serdes();
    this.validation = new InputValidation(config.validation());
  }

  public KTable<String, IntentDevice> devices() {
    return table(topics.intentDevices(), "intent-devices", DEVICES_STORE, IntentDevice.class);
  }

  public KTable<String, IntentDeviceType> deviceTypes() {
    return table(
        topics.intentDeviceTypes(),
        "intent-device-types",
        DEVICE_TYPES_STORE,
        IntentDeviceType.class);
  }

  public KTable<String, IntentRack> racks() {
    return table(topics.intentRacks(), "intent-racks", RACKS_STORE, IntentRack.class);
  }

  public KTable<String, IntentCable> cables() {
    return table(topics.intentCables(), "intent-cables", CABLES_STORE, IntentCable.class);
  }

  public KTable<String, IntentPowerFeed> powerFeeds() {
    return table(
        topics.intentPowerFeeds(), "intent-power-feeds", POWER_FEEDS_STORE, IntentPowerFeed.class);
  }

  public KTable<String, PurchaseOrderLine> purchaseOrders() {
    return table(
        topics.purchaseOrders(), "purchase-orders", PURCHASE_ORDERS_STORE, PurchaseOrderLine.class);
  }

  /** Receipts that passed validation (see {@link InputValidation}). */
  public KStream<String, Receipt> receipts() {
    return memo(
        "receipts",
        () -> validation.receipts(stream(topics.receipts(), "receipts", Receipt.class)));
  }

  /**
   * The latest observation per BMC, keyed by the normalised BMC MAC (else the key as sent), so
   * ingest's key spelling cannot split one BMC in two. Tombstones are ignored: a BMC that stops
   * answering is not evidence that its hardware left. Observations that fail validation are
   * dead-lettered first.
   */
  public KTable<String, ObservedSystem> observedSystems() {
    return memo(
        "observed-systems",
        () -> {
          Serde<ObservedSystem> values = serdes.value(ObservedSystem.class);
          KStream<String, ObservedSystem> source =
              builder.stream(
                  topics.observedSystems(),
                  Consumed.with(Serdes.String(), values)
                      .withName("observed-systems-source")
                      .withTimestampExtractor(validation.recordTime()));
          return validation
              .observedSystems(source)
              .filter((bmcId, system) -> system != null, Named.as("observed-systems-present"))
              .selectKey(
                  (bmcId, system) -> bmcKey(bmcId, system), Named.as("observed-systems-by-bmc"))
              .toTable(
                  Named.as("observed-systems-table"),
                  Materialized.<String, ObservedSystem, KeyValueStore<Bytes, byte[]>>as(
                          OBSERVED_SYSTEMS_STORE)
                      .withKeySerde(Serdes.String())
                      .withValueSerde(values));
        });
  }

  /** The key an observation is stored under: normalised BMC MAC, else the record key. */
  public static String bmcKey(String key, ObservedSystem system) {
    String mac = Identifiers.mac(system.getBmcMac());
    if (mac == null) {
      mac = Identifiers.mac(system.getBmcId());
    }
    return mac != null ? mac : (key != null ? key : system.getBmcId());
  }

  private <V extends SpecificRecord> KTable<String, V> table(
      String topic, String name, String store, Class<V> type) {
    return memo(
        name,
        () -> {
          Serde<V> values = serdes.value(type);
          return builder.table(
              topic,
              Consumed.with(
                      validation.tableKeys(topic), validation.tableValues(topic, values, type))
                  .withName(name + "-source")
                  .withTimestampExtractor(validation.recordTime()),
              Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
                  .withKeySerde(Serdes.String())
                  .withValueSerde(values));
        });
  }

  private <V extends SpecificRecord> KStream<String, V> stream(
      String topic, String name, Class<V> type) {
    return builder.stream(
        topic,
        Consumed.with(Serdes.String(), serdes.value(type))
            .withName(name + "-source")
            .withTimestampExtractor(validation.recordTime()));
  }

  @SuppressWarnings("unchecked")
  private <T> T memo(String name, Supplier<T> create) {
    return (T) created.computeIfAbsent(name, n -> create.get());
  }
}
