package io.plumbline.topology;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The compacted intent topics as tables keyed by NetBox id, each read at most once per builder and
 * shared by every domain: Kafka Streams refuses a topic registered as a source twice, so domains
 * that need the same intent must take it from here. A table is added to the builder on first use
 * only, so a topology holds the sources its domains need and no more.
 *
 * <p>One instance per {@link StreamsBuilder}; not thread-safe (topologies are built on one thread).
 */
public final class IntentTables {

  public static final String DEVICES_STORE = "intent-devices-store";
  public static final String DEVICE_TYPES_STORE = "intent-device-types-store";
  public static final String RACKS_STORE = "intent-racks-store";
  public static final String POWER_FEEDS_STORE = "intent-power-feeds-store";

  private final StreamsBuilder builder;
  private final PlumblineTopics topics;
  private final AvroSerdes serdes;
  private KTable<String, IntentDevice> devices;
  private KTable<String, IntentDeviceType> deviceTypes;
  private KTable<String, IntentRack> racks;
  private KTable<String, IntentPowerFeed> powerFeeds;

  public IntentTables(StreamsBuilder builder, TopologyConfig config) {
    this.builder = builder;
    this.topics = config.topics();
    this.serdes = config.serdes();
  }

  /** Intended devices ({@code dcim/devices}). */
  public KTable<String, IntentDevice> devices() {
    if (devices == null) {
      devices = table(topics.intentDevices(), "intent-devices", DEVICES_STORE, IntentDevice.class);
    }
    return devices;
  }

  /** Device types ({@code dcim/device-types}). */
  public KTable<String, IntentDeviceType> deviceTypes() {
    if (deviceTypes == null) {
      deviceTypes =
          table(
              topics.intentDeviceTypes(),
              "intent-device-types",
              DEVICE_TYPES_STORE,
              IntentDeviceType.class);
    }
    return deviceTypes;
  }

  /** Racks with their power and cooling budgets ({@code dcim/racks}). */
  public KTable<String, IntentRack> racks() {
    if (racks == null) {
      racks = table(topics.intentRacks(), "intent-racks", RACKS_STORE, IntentRack.class);
    }
    return racks;
  }

  /** Power feeds ({@code dcim/power-feeds}). */
  public KTable<String, IntentPowerFeed> powerFeeds() {
    if (powerFeeds == null) {
      powerFeeds =
          table(
              topics.intentPowerFeeds(),
              "intent-power-feeds",
              POWER_FEEDS_STORE,
              IntentPowerFeed.class);
    }
    return powerFeeds;
  }

  private <V extends SpecificRecord> KTable<String, V> table(
      String topic, String name, String storeName, Class<V> type) {
    Serde<String> keys = Serdes.String();
    Serde<V> values = serdes.value(type);
    return builder.table(
        topic,
        Consumed.with(keys, values).withName(name + "-source"),
        Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(storeName)
            .withKeySerde(keys)
            .withValueSerde(values));
  }
}
