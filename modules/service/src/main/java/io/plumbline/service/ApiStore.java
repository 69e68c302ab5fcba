package io.plumbline.service;

import io.plumbline.topology.SharedSources;
import io.plumbline.topology.cabling.CablingTopology;
import io.plumbline.topology.cooling.CoolingTopology;
import io.plumbline.topology.installation.InstallationTopology;
import io.plumbline.topology.power.PowerTopology;
import io.plumbline.topology.query.QueryStores;
import java.util.Arrays;
import java.util.Optional;

/**
 * The state stores the API reads, each under the name the internal routes use ({@code
 * /internal/stores/{name}/...}). All are keyed by the id in the API path, partitioned like their
 * source topic, so Kafka Streams' metadata for the key names the instance that holds it.
 */
public enum ApiStore {
  DISCREPANCIES("discrepancies", QueryStores.DISCREPANCIES_STORE),
  DEVICES("devices", QueryStores.DEVICES_STORE),
  RACKS("racks", SharedSources.RACKS_STORE),
  DEVICE_TYPES("device-types", SharedSources.DEVICE_TYPES_STORE),
  FEEDS("feeds", SharedSources.POWER_FEEDS_STORE),
  FEED_WINDOWS("feed-windows", PowerTopology.LATEST_WINDOW_STORE),
  RACK_LOADS("rack-loads", PowerTopology.RACK_LOADS_STORE),
  FEED_LOADS("feed-loads", PowerTopology.FEED_LOADS_STORE),
  /** Per device: its intent and the latest observation matched to it (the NICs it reports). */
  DEVICE_CONTEXTS("device-contexts", InstallationTopology.DEVICE_CONTEXT_STORE),
  /** Per device: the cables NetBox plans on it. */
  PLANNED_LINKS("planned-links", CablingTopology.PLANNED_LINKS_STORE),
  /** Window store: per feed, its one-minute windows kept for the power policy's retention. */
  FEED_HISTORY("feed-history", PowerTopology.WINDOWS_STORE, true),
  /** Window store: per sensor, its one-minute windows kept for the cooling policy's retention. */
  SENSOR_WINDOWS("sensor-windows", CoolingTopology.WINDOWS_STORE, true);

  private final String apiName;
  private final String storeName;
  private final boolean windowed;

  ApiStore(String apiName, String storeName) {
    this(apiName, storeName, false);
  }

  ApiStore(String apiName, String storeName, boolean windowed) {
    this.apiName = apiName;
    this.storeName = storeName;
    this.windowed = windowed;
  }

  /** Whether this is a window store (keyed by key and window) rather than a key-value store. */
  public boolean windowed() {
    return windowed;
  }

  public String apiName() {
    return apiName;
  }

  public String storeName() {
    return storeName;
  }

  public static Optional<ApiStore> byApiName(String name) {
    return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
  }
}
