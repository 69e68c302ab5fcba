package io.plumbline.simulator;

import io.plumbline.topology.PlumblineTopics;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The input topic an event goes to, by its role (resolved to a name by {@link PlumblineTopics}).
 */
public enum TopicRole {
  INTENT_SITES("intent.sites", PlumblineTopics::intentSites),
  INTENT_RACKS("intent.racks", PlumblineTopics::intentRacks),
  INTENT_DEVICE_TYPES("intent.device-types", PlumblineTopics::intentDeviceTypes),
  INTENT_DEVICES("intent.devices", PlumblineTopics::intentDevices),
  INTENT_CABLES("intent.cables", PlumblineTopics::intentCables),
  INTENT_POWER_FEEDS("intent.power-feeds", PlumblineTopics::intentPowerFeeds),
  INTENT_MODULES("intent.modules", PlumblineTopics::intentModules),
  PURCHASE_ORDERS("supply.purchase-orders", PlumblineTopics::purchaseOrders),
  RECEIPTS("supply.receipts", PlumblineTopics::receipts),
  POWER_READINGS("telemetry.power", PlumblineTopics::powerReadings),
  ENVIRONMENT_READINGS("telemetry.environment", PlumblineTopics::environmentReadings),
  OBSERVED_SYSTEMS("observed.systems", PlumblineTopics::observedSystems);

  private final String role;
  private final Function<PlumblineTopics, String> name;

  TopicRole(String role, Function<PlumblineTopics, String> name) {
    this.role = role;
    this.name = name;
  }

  /** The role as in the {@code topic.<role>} setting, e.g. {@code intent.devices}. */
  public String role() {
    return role;
  }

  public String topic(PlumblineTopics topics) {
    return name.apply(topics);
  }

  /**
   * The input topics the reconciler reads: every role but the sites and the modules, which no check
   * uses. What a quiescence barrier must see consumed before a phase counts as reconciled.
   */
  public static List<String> reconcilerInputs(PlumblineTopics topics) {
    return Arrays.stream(values())
        .filter(role -> role != INTENT_SITES && role != INTENT_MODULES)
        .map(role -> role.topic(topics))
        .toList();
  }
}
