package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentModule;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.IntentSite;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns NetBox REST objects (as the API lists them, or as a webhook sends them) into intent
 * records. Fields NetBox derives from other objects come from the {@link ComponentIndex}; what
 * NetBox has no field for comes from {@link PlumblineCustomFields}. A custom field that cannot be
 * read is reported and left out; an object without what its record needs is unusable.
 */
final class IntentMapper {

  private final ComponentIndex index;
  private final DeviceTypeLibrary library;
  private final PrintStream warnings;

  IntentMapper(ComponentIndex index, DeviceTypeLibrary library, PrintStream warnings) {
    this.index = index;
    this.library = library;
    this.warnings = warnings;
  }

  IntentSite site(JsonNode site) throws UnusableObjectException {
    return IntentSite.newBuilder()
        .setId(required(NetboxJson.id(site), "id"))
        .setName(required(NetboxJson.text(site, "name"), "name"))
        .setSlug(NetboxJson.text(site, "slug"))
        .setUrl(NetboxJson.uiUrl(site))
        .build();
  }

  IntentRack rack(JsonNode rack) throws UnusableObjectException {
    String id = required(NetboxJson.id(rack), "id");
    String siteId = required(NetboxJson.nestedId(rack, "site"), "site");
    index.putRack(id, siteId);
    Double height = NetboxJson.number(rack, "u_height");
    return IntentRack.newBuilder()
        .setId(id)
        .setName(required(NetboxJson.text(rack, "name"), "name"))
        .setSiteId(siteId)
        .setUHeight(height == null ? 42 : height.intValue())
        .setPowerBudgetWatts(customNumber(rack, "rack " + id, PlumblineCustomFields.POWER_BUDGET_W))
        .setCoolingCapacityWatts(
            customNumber(rack, "rack " + id, PlumblineCustomFields.COOLING_CAPACITY_W))
        .setUrl(NetboxJson.uiUrl(rack))
        .build();
  }

  IntentDeviceType deviceType(JsonNode type) throws UnusableObjectException {
    String id = required(NetboxJson.id(type), "id");
    String what = "device type " + id;
    Double height = NetboxJson.number(type, "u_height");
    Double gpus = customNumber(type, what, PlumblineCustomFields.EXPECTED_GPU_COUNT);
    Double nics = customNumber(type, what, PlumblineCustomFields.EXPECTED_NIC_COUNT);
    String manufacturer = NetboxJson.nestedText(type, "manufacturer", "name");
    String model = NetboxJson.text(type, "model");
    String partNumber = NetboxJson.text(type, "part_number");
    Double maximumDraw = index.maximumDraw(id);
    Double allocatedDraw = index.allocatedDraw(id);
    DeviceTypeLibrary.LibraryType known =
        library.match(NetboxJson.text(type, "slug"), partNumber, manufacturer, model);
    if (known != null) {
      // What NetBox states wins; the library fills what it leaves out.
      partNumber = partNumber != null ? partNumber : known.partNumber();
      if (maximumDraw == null && allocatedDraw == null) {
        maximumDraw = known.maximumDraw();
        allocatedDraw = known.allocatedDraw();
      }
      if (gpus == null && known.gpuBays() > 0) {
        gpus = (double) known.gpuBays();
      }
    }
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer(required(manufacturer, "manufacturer.name"))
        .setModel(required(model, "model"))
        .setPartNumber(partNumber)
        .setUHeight(height == null ? 1.0 : height)
        .setExpectedGpuCount(gpus == null ? 0 : gpus.intValue())
        .setExpectedGpuModel(customText(type, PlumblineCustomFields.EXPECTED_GPU_MODEL))
        .setExpectedNicCount(nics == null ? 0 : nics.intValue())
        .setExpectedNicModel(customText(type, PlumblineCustomFields.EXPECTED_NIC_MODEL))
        .setMaximumDrawWatts(maximumDraw)
        .setAllocatedDrawWatts(allocatedDraw)
        .setFirmwareBaseline(firmwareBaseline(type, what))
        .setUrl(NetboxJson.uiUrl(type))
        .build();
  }

  IntentDevice device(JsonNode device) throws UnusableObjectException {
    String id = required(NetboxJson.id(device), "id");
    String name = NetboxJson.text(device, "name");
    if (name == null) {
      // NetBox allows unnamed devices; its UI shows them by type and id.
      name = NetboxJson.text(device, "display");
    }
    String role = NetboxJson.nestedText(device, "role", "name");
    if (role == null) {
      role = NetboxJson.nestedText(device, "device_role", "name"); // NetBox 3.x
    }
    String bmcMac = index.bmcMac(id);
    if (bmcMac == null) {
      bmcMac = customText(device, PlumblineCustomFields.BMC_MAC);
    }
    String status = NetboxJson.choice(device, "status");
    return IntentDevice.newBuilder()
        .setId(id)
        .setName(name == null ? "device-" + id : name)
        .setDeviceTypeId(required(NetboxJson.nestedId(device, "device_type"), "device_type"))
        .setSiteId(required(NetboxJson.nestedId(device, "site"), "site"))
        .setRackId(NetboxJson.nestedId(device, "rack"))
        .setPosition(NetboxJson.number(device, "position"))
        .setRole(role)
        .setStatus(status == null ? "active" : status)
        .setSerial(NetboxJson.text(device, "serial"))
        .setAssetTag(NetboxJson.text(device, "asset_tag"))
        .setBmcMac(bmcMac)
        .setInstallDeadline(deadline(device, "device " + id))
        .setUrl(NetboxJson.uiUrl(device))
        .build();
  }

  IntentPowerFeed powerFeed(JsonNode feed) throws UnusableObjectException {
    String id = required(NetboxJson.id(feed), "id");
    String panelId = NetboxJson.nestedId(feed, "power_panel");
    String rackId = NetboxJson.nestedId(feed, "rack");
    String siteId = index.panelSite(panelId);
    if (siteId == null) {
      siteId = index.rackSite(rackId);
    }
    if (siteId == null) {
      siteId = NetboxJson.nestedId(feed.path("power_panel"), "site");
    }
    Double utilization = NetboxJson.number(feed, "max_utilization");
    String supply = NetboxJson.choice(feed, "supply");
    String phase = NetboxJson.choice(feed, "phase");
    String status = NetboxJson.choice(feed, "status");
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName(required(NetboxJson.text(feed, "name"), "name"))
        .setSiteId(required(siteId, "power_panel.site (power panel not read)"))
        .setPanelName(NetboxJson.nestedText(feed, "power_panel", "name"))
        .setRackId(rackId)
        .setSide(side(feed))
        .setSupply(supply == null ? "ac" : supply)
        .setPhase(phase == null ? "single-phase" : phase)
        .setVoltage(required(NetboxJson.number(feed, "voltage"), "voltage"))
        .setAmperage(required(NetboxJson.number(feed, "amperage"), "amperage"))
        .setMaxUtilizationPercent(utilization == null ? 80.0 : utilization)
        .setAllocatedDrawWatts(index.feedAllocatedDraw(id))
        .setStatus(status == null ? "active" : status)
        .setUrl(NetboxJson.uiUrl(feed))
        .build();
  }

  /**
   * The cable between two interfaces, or null for cables Plumbline does not check (console, power,
   * front/rear ports, circuits): LLDP sees only interface links.
   */
  IntentCable cable(JsonNode cable) throws UnusableObjectException {
    String id = required(NetboxJson.id(cable), "id");
    CableEnds ends = CableEnds.of(cable);
    if (!ends.interfaceToInterface()) {
      return null;
    }
    if (ends.a().size() != 1 || ends.b().size() != 1) {
      throw new UnusableObjectException(
          ends.a().size()
              + " x "
              + ends.b().size()
              + " interfaces on its ends (a breakout); Plumbline plans one interface per end");
    }
    CableEnds.Termination a = ends.a().get(0);
    CableEnds.Termination b = ends.b().get(0);
    String status = NetboxJson.choice(cable, "status");
    return IntentCable.newBuilder()
        .setId(id)
        .setADeviceId(required(a.deviceId(), "a_terminations[0].object.device"))
        .setADeviceName(required(a.deviceName(), "a_terminations[0].object.device.name"))
        .setAInterface(required(a.portName(), "a_terminations[0].object.name"))
        .setBDeviceId(required(b.deviceId(), "b_terminations[0].object.device"))
        .setBDeviceName(required(b.deviceName(), "b_terminations[0].object.device.name"))
        .setBInterface(required(b.portName(), "b_terminations[0].object.name"))
        .setStatus(status == null ? "connected" : status)
        .setLabel(NetboxJson.text(cable, "label"))
        .setUrl(NetboxJson.uiUrl(cable))
        .build();
  }

  private String side(JsonNode feed) {
    String custom = customText(feed, PlumblineCustomFields.FEED_SIDE);
    if (custom != null) {
      return custom.toUpperCase(Locale.ROOT);
    }
    String type = NetboxJson.choice(feed, "type");
    if ("primary".equals(type)) {
      return "A";
    }
    return "redundant".equals(type) ? "B" : null;
  }

  private Map<String, String> firmwareBaseline(JsonNode type, String what) {
    JsonNode value = NetboxJson.customField(type, PlumblineCustomFields.FIRMWARE_BASELINE);
    Map<String, String> baseline = new TreeMap<>();
    if (value == null) {
      return baseline;
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        if (entry.getValue().isValueNode() && !entry.getValue().asText().isBlank()) {
          baseline.put(entry.getKey().strip(), entry.getValue().asText().strip());
        }
      }
      return baseline;
    }
    for (String pair : value.asText().split("[;,\\n]")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        warn(what, PlumblineCustomFields.FIRMWARE_BASELINE, pair, "component=version");
        continue;
      }
      baseline.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return baseline;
  }

  /**
   * The install deadline: a date-time with offset, or a date (NetBox's date custom field) meaning
   * the end of that day in UTC.
   */
  private Instant deadline(JsonNode device, String what) {
    String text = customText(device, PlumblineCustomFields.INSTALL_DEADLINE);
    if (text == null) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      warn(what, PlumblineCustomFields.INSTALL_DEADLINE, text, "YYYY-MM-DD or an ISO date-time");
      return null;
    }
  }

  private Double customNumber(JsonNode object, String what, String field) {
    JsonNode value = NetboxJson.customField(object, field);
    if (value == null || (value.isTextual() && value.asText().isBlank())) {
      return null;
    }
    Double number = NetboxJson.number(value);
    if (number == null) {
      warn(what, field, value.asText(), "a number");
    }
    return number;
  }

  private static String customText(JsonNode object, String field) {
    JsonNode value = NetboxJson.customField(object, field);
    if (value == null || !value.isValueNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * A module with its module type's fields: from the listed module type when indexed, else from the
   * brief module type nested in the module (manufacturer and model, no part number).
   */
  IntentModule module(JsonNode module) throws UnusableObjectException {
    String typeId = required(NetboxJson.nestedId(module, "module_type"), "module_type");
    ComponentIndex.ModuleType type = index.moduleType(typeId);
    JsonNode nestedType = module.path("module_type");
    String bay = NetboxJson.nestedText(module, "module_bay", "name");
    return IntentModule.newBuilder()
        .setId(required(NetboxJson.id(module), "id"))
        .setDeviceId(required(NetboxJson.nestedId(module, "device"), "device"))
        .setModuleBayName(
            bay != null ? bay : NetboxJson.nestedText(module, "module_bay", "display"))
        .setModuleTypeId(typeId)
        .setManufacturer(
            type != null && type.manufacturer() != null
                ? type.manufacturer()
                : NetboxJson.nestedText(nestedType, "manufacturer", "name"))
        .setModel(
            type != null && type.model() != null
                ? type.model()
                : NetboxJson.text(nestedType, "model"))
        .setPartNumber(type == null ? null : type.partNumber())
        .setProfile(type == null ? null : type.profile())
        .setSerial(NetboxJson.text(module, "serial"))
        .setAssetTag(NetboxJson.text(module, "asset_tag"))
        .setStatus(NetboxJson.choice(module, "status"))
        .setUrl(NetboxJson.uiUrl(module))
        .build();
  }

  private void warn(String what, String field, String value, String wanted) {
    warnings.printf(
        "netbox: %s: custom field %s = '%s' is not %s; left out%n", what, field, value, wanted);
  }

  private static <T> T required(T value, String field) throws UnusableObjectException {
    if (value == null) {
      throw new UnusableObjectException("no " + field);
    }
    return value;
  }
}
