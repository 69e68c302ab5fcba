package io.plumbline.service;

import io.plumbline.topology.SharedSources;
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
  FEED_LOADS("feed-loads", PowerTopology.FEED_LOADS_STORE);

  private final String apiName;
  private final String storeName;

  ApiStore(String apiName, String storeName) {
    this.apiName = apiName;
    this.storeName = storeName;
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
