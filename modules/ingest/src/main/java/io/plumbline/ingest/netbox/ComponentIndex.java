package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What intent records derive from NetBox objects other than their own: a device's BMC MAC (from its
 * management interfaces), a device type's draw (from its power-port templates), a feed's allocated
 * draw (from the power ports connected to it) and the site of a power panel. Kept by component id,
 * so a webhook for one interface or power port updates it in place.
 */
final class ComponentIndex {

  /** Interface names that are a BMC rather than a host's management port. */
  private static final Pattern BMC_NAME =
      Pattern.compile("(?i).*\\b(bmc|ipmi|idrac|ilo|xcc|imm|oob)\\b.*");

  record MgmtInterface(String id, String deviceId, String name, String mac) {}

  record PortTemplate(String deviceTypeId, Double maximumDraw, Double allocatedDraw) {}

  record FeedPort(String feedId, Double allocatedDraw) {}

  private final GroupedComponents<MgmtInterface> interfaces =
      new GroupedComponents<>(MgmtInterface::deviceId);
  private final GroupedComponents<PortTemplate> templates =
      new GroupedComponents<>(PortTemplate::deviceTypeId);
  private final GroupedComponents<FeedPort> feedPorts = new GroupedComponents<>(FeedPort::feedId);
  private final Map<String, String> panelSites = new HashMap<>();
  private final Map<String, String> rackSites = new HashMap<>();
  private final Map<String, ModuleType> moduleTypes = new HashMap<>();

  /** What a module takes from its module type. */
  record ModuleType(String manufacturer, String model, String partNumber, String profile) {}

  /** Forgets the components an endpoint lists, before it is listed again in full. */
  void clear(NetboxEndpoint endpoint) {
    switch (endpoint) {
      case INTERFACES -> interfaces.clear();
      case POWER_PORT_TEMPLATES -> templates.clear();
      case POWER_PORTS -> feedPorts.clear();
      case POWER_PANELS -> panelSites.clear();
      case MODULE_TYPES -> moduleTypes.clear();
      default -> {}
    }
  }

  /** Indexes a management interface with a MAC; returns the device whose BMC MAC may change. */
  String putInterface(JsonNode object) {
    String id = NetboxJson.id(object);
    String deviceId = NetboxJson.nestedId(object, "device");
    String mac = mac(object);
    JsonNode mgmt = object.get("mgmt_only");
    boolean indexed = deviceId != null && mac != null && mgmt != null && mgmt.asBoolean();
    MgmtInterface previous =
        interfaces.put(
            id,
            indexed ? new MgmtInterface(id, deviceId, NetboxJson.text(object, "name"), mac) : null);
    return deviceId != null ? deviceId : previous == null ? null : previous.deviceId();
  }

  String removeInterface(String id) {
    MgmtInterface previous = interfaces.put(id, null);
    return previous == null ? null : previous.deviceId();
  }

  /**
   * A device's BMC MAC: its management-only interface named like a BMC (bmc, ipmi, idrac, ilo, xcc,
   * imm, oob), else its management-only interface with the lowest id; null when none has a MAC.
   */
  String bmcMac(String deviceId) {
    Optional<MgmtInterface> chosen =
        interfaces.of(deviceId).stream()
            .min(
                Comparator.comparing(
                        (MgmtInterface i) ->
                            i.name() != null && BMC_NAME.matcher(i.name()).matches())
                    .reversed()
                    .thenComparingLong(i -> idOrder(i.id())));
    return chosen.map(MgmtInterface::mac).orElse(null);
  }

  String putTemplate(JsonNode object) {
    String id = NetboxJson.id(object);
    String typeId = NetboxJson.nestedId(object, "device_type");
    PortTemplate previous =
        templates.put(
            id,
            typeId == null
                ? null
                : new PortTemplate(
                    typeId,
                    NetboxJson.number(object, "maximum_draw"),
                    NetboxJson.number(object, "allocated_draw")));
    return typeId != null ? typeId : previous == null ? null : previous.deviceTypeId();
  }

  String removeTemplate(String id) {
    PortTemplate previous = templates.put(id, null);
    return previous == null ? null : previous.deviceTypeId();
  }

  /** Sum of the type's templates' maximum draw, null when none states one. */
  Double maximumDraw(String deviceTypeId) {
    return sum(templates.of(deviceTypeId).stream().map(PortTemplate::maximumDraw));
  }

  Double allocatedDraw(String deviceTypeId) {
    return sum(templates.of(deviceTypeId).stream().map(PortTemplate::allocatedDraw));
  }

  /**
   * Indexes a power port connected to a power feed (directly by a cable, NetBox's {@code
   * connected_endpoints} in 3.3+ or {@code connected_endpoint} before); returns the feeds whose
   * allocation may change (old and new), comma-joined, or null.
   */
  String putPowerPort(JsonNode object) {
    String id = NetboxJson.id(object);
    String feedId = connectedFeed(object);
    FeedPort previous =
        feedPorts.put(
            id,
            feedId == null
                ? null
                : new FeedPort(feedId, NetboxJson.number(object, "allocated_draw")));
    return join(previous == null ? null : previous.feedId(), feedId);
  }

  String removePowerPort(String id) {
    FeedPort previous = feedPorts.put(id, null);
    return previous == null ? null : previous.feedId();
  }

  /** Sum of allocated draw over the ports on the feed, null when none states one. */
  Double feedAllocatedDraw(String feedId) {
    return sum(feedPorts.of(feedId).stream().map(FeedPort::allocatedDraw));
  }

  void putPanel(JsonNode object) {
    String siteId = NetboxJson.nestedId(object, "site");
    if (siteId != null) {
      panelSites.put(NetboxJson.id(object), siteId);
    }
  }

  String panelSite(String panelId) {
    return panelId == null ? null : panelSites.get(panelId);
  }

  void putRack(String rackId, String siteId) {
    if (rackId != null && siteId != null) {
      rackSites.put(rackId, siteId);
    }
  }

  String rackSite(String rackId) {
    return rackId == null ? null : rackSites.get(rackId);
  }

  private static String connectedFeed(JsonNode port) {
    for (String prefix : new String[] {"connected_endpoints", "connected_endpoint"}) {
      String type = NetboxJson.text(port, prefix + "_type");
      JsonNode endpoints = port.get(prefix);
      if (endpoints == null || endpoints.isNull()) {
        continue;
      }
      boolean feed = "dcim.powerfeed".equals(type == null ? null : type.toLowerCase(Locale.ROOT));
      JsonNode first = endpoints.isArray() ? endpoints.path(0) : endpoints;
      if (feed && first.isObject()) {
        return NetboxJson.id(first);
      }
    }
    return null;
  }

  private static String mac(JsonNode object) {
    String mac = NetboxJson.text(object, "mac_address");
    if (mac == null) {
      // NetBox 4.2 moved MACs to their own objects; the interface names its primary one.
      mac = NetboxJson.nestedText(object, "primary_mac_address", "mac_address");
    }
    return mac == null ? null : mac.toLowerCase(Locale.ROOT);
  }

  private static Double sum(java.util.stream.Stream<Double> values) {
    return values.filter(v -> v != null).reduce(Double::sum).orElse(null);
  }

  private static long idOrder(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String join(String a, String b) {
    if (a == null || a.equals(b)) {
      return b;
    }
    return b == null ? a : a + "," + b;
  }

  /** Indexes a module type (manufacturer, model, part number, 4.3+ profile). */
  void putModuleType(JsonNode object) {
    String id = NetboxJson.id(object);
    if (id != null) {
      moduleTypes.put(
          id,
          new ModuleType(
              NetboxJson.nestedText(object, "manufacturer", "name"),
              NetboxJson.text(object, "model"),
              NetboxJson.text(object, "part_number"),
              NetboxJson.nestedText(object, "profile", "name")));
    }
  }

  void removeModuleType(String id) {
    moduleTypes.remove(id);
  }

  /** The module type with this id, or null when it was not listed. */
  ModuleType moduleType(String id) {
    return moduleTypes.get(id);
  }
}
