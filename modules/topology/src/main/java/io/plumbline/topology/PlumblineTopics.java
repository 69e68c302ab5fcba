package io.plumbline.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The names of every topic Plumbline reads or writes. Each has a default and can be renamed with
 * the setting {@code topic.<role>} (for example {@code topic.discrepancies}).
 */
public record PlumblineTopics(
    String intentSites,
    String intentRacks,
    String intentDeviceTypes,
    String intentDevices,
    String intentCables,
    String intentPowerFeeds,
    String purchaseOrders,
    String receipts,
    String powerReadings,
    String environmentReadings,
    String observedSystems,
    String discrepancies,
    String reconciledInventory,
    String alerts,
    String deadLetters,
    String acknowledgements,
    String intentModules) {

  /** Setting name prefix for topic names. */
  public static final String PREFIX = "topic.";

  private static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("intent.sites", "plumbline.intent.sites");
    d.put("intent.racks", "plumbline.intent.racks");
    d.put("intent.device-types", "plumbline.intent.device-types");
    d.put("intent.devices", "plumbline.intent.devices");
    d.put("intent.cables", "plumbline.intent.cables");
    d.put("intent.power-feeds", "plumbline.intent.power-feeds");
    d.put("supply.purchase-orders", "plumbline.supply.purchase-orders");
    d.put("supply.receipts", "plumbline.supply.receipts");
    d.put("telemetry.power", "plumbline.telemetry.power");
    d.put("telemetry.environment", "plumbline.telemetry.environment");
    d.put("observed.systems", "plumbline.observed.systems");
    d.put("discrepancies", "plumbline.discrepancies");
    d.put("reconciled.inventory", "plumbline.reconciled.inventory");
    d.put("alerts", "plumbline.alerts");
    d.put("dead-letters", "plumbline.dead-letters");
    d.put("acknowledgements", "plumbline.acknowledgements");
    d.put("intent.modules", "plumbline.intent.modules");
    return Map.copyOf(d);
  }

  /** Role name (without the prefix) to default topic name. */
  public static Map<String, String> defaultNames() {
    return DEFAULTS;
  }

  /** The default names. */
  public static PlumblineTopics defaultTopics() {
    return from(Map.of());
  }

  /**
   * Reads {@code topic.<role>} settings over the defaults. An unknown role or a blank name is a
   * configuration error naming the setting.
   */
  public static PlumblineTopics from(Map<String, ?> settings) {
    Map<String, String> names = new LinkedHashMap<>(DEFAULTS);
    settings.forEach(
        (key, value) -> {
          if (!key.startsWith(PREFIX)) {
            return;
          }
          String role = key.substring(PREFIX.length());
          if (!DEFAULTS.containsKey(role)) {
            throw new ConfigException(
                key, value, "unknown topic role; known roles: " + DEFAULTS.keySet());
          }
          String name = value == null ? "" : value.toString().trim();
          if (name.isEmpty() || !name.matches("[a-zA-Z0-9._-]{1,249}")) {
            throw new ConfigException(key, value, "not a valid Kafka topic name");
          }
          names.put(role, name);
        });
    return new PlumblineTopics(
        names.get("intent.sites"),
        names.get("intent.racks"),
        names.get("intent.device-types"),
        names.get("intent.devices"),
        names.get("intent.cables"),
        names.get("intent.power-feeds"),
        names.get("supply.purchase-orders"),
        names.get("supply.receipts"),
        names.get("telemetry.power"),
        names.get("telemetry.environment"),
        names.get("observed.systems"),
        names.get("discrepancies"),
        names.get("reconciled.inventory"),
        names.get("alerts"),
        names.get("dead-letters"),
        names.get("acknowledgements"),
        names.get("intent.modules"));
  }

  /**
   * The topics other systems write and Plumbline reads: intent, supply, telemetry and BMC
   * observations.
   */
  public java.util.List<String> inputs() {
    return java.util.List.of(
        intentSites,
        intentRacks,
        intentDeviceTypes,
        intentDevices,
        intentCables,
        intentPowerFeeds,
        intentModules,
        purchaseOrders,
        receipts,
        powerReadings,
        environmentReadings,
        observedSystems);
  }

  /** Intent topics are compacted tables keyed by NetBox id. */
  public java.util.List<String> compacted() {
    return java.util.List.of(
        intentSites,
        intentRacks,
        intentDeviceTypes,
        intentDevices,
        intentCables,
        intentPowerFeeds,
        purchaseOrders,
        observedSystems,
        discrepancies,
        reconciledInventory,
        acknowledgements,
        intentModules);
  }

  /** Every topic, in a stable order. */
  public java.util.List<String> all() {
    return java.util.List.of(
        intentSites,
        intentRacks,
        intentDeviceTypes,
        intentDevices,
        intentCables,
        intentPowerFeeds,
        purchaseOrders,
        receipts,
        powerReadings,
        environmentReadings,
        observedSystems,
        discrepancies,
        reconciledInventory,
        alerts,
        deadLetters,
        acknowledgements,
        intentModules);
  }
}
