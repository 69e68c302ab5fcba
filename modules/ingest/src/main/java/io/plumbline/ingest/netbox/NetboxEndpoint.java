package io.plumbline.ingest.netbox;

import java.util.List;
import java.util.Map;

/**
 * The NetBox endpoints Plumbline reads, in the order a sync reads them: components first (so the
 * records they contribute to are complete when published), then the objects that become intent
 * records. {@code model} is the name NetBox's webhooks give the object type.
 */
enum NetboxEndpoint {
  SITES("sites", "site", Map.of(), true, List.of()),
  RACKS("racks", "rack", Map.of(), true, List.of()),
  POWER_PORT_TEMPLATES("power-port-templates", "powerporttemplate", Map.of(), false, List.of()),
  DEVICE_TYPES("device-types", "devicetype", Map.of(), true, List.of(POWER_PORT_TEMPLATES)),
  // Only management interfaces contribute (the BMC MAC); the filter keeps the listing small.
  INTERFACES("interfaces", "interface", Map.of("mgmt_only", List.of("true")), false, List.of()),
  DEVICES("devices", "device", Map.of(), true, List.of(INTERFACES)),
  POWER_PANELS("power-panels", "powerpanel", Map.of(), false, List.of()),
  POWER_PORTS("power-ports", "powerport", Map.of(), false, List.of()),
  POWER_FEEDS("power-feeds", "powerfeed", Map.of(), true, List.of(POWER_PANELS, POWER_PORTS)),
  // Module types (NetBox 3.2+) carry the part number and profile their modules are published with.
  MODULE_TYPES("module-types", "moduletype", Map.of(), false, List.of()),
  MODULES("modules", "module", Map.of(), true, List.of(MODULE_TYPES)),
  CABLES("cables", "cable", Map.of(), true, List.of());

  final String name;
  final String model;
  final Map<String, List<String>> filters;
  final boolean intent;
  final List<NetboxEndpoint> needs;

  NetboxEndpoint(
      String name,
      String model,
      Map<String, List<String>> filters,
      boolean intent,
      List<NetboxEndpoint> needs) {
    this.name = name;
    this.model = model;
    this.filters = filters;
    this.intent = intent;
    this.needs = needs;
  }

  String path() {
    return "/api/dcim/" + name + "/";
  }

  static NetboxEndpoint ofModel(String model) {
    for (NetboxEndpoint endpoint : values()) {
      if (endpoint.model.equals(model)) {
        return endpoint;
      }
    }
    return null;
  }
}
