package io.plumbline.ingest.redfish;

import static io.plumbline.ingest.redfish.ResourceReader.link;
import static io.plumbline.ingest.redfish.ResourceReader.number;
import static io.plumbline.ingest.redfish.ResourceReader.reading;
import static io.plumbline.ingest.redfish.ResourceReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.topology.identity.Identifiers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@link ObservedSystem} of one BMC from its Redfish service: the first computer system
 * and its chassis for identity, GPUs from {@code Processors} (ProcessorType GPU), NICs from the
 * chassis {@code NetworkAdapters} with their {@code Ports} (or the older {@code NetworkPorts}) and
 * LLDP neighbours, the BMC MAC from the manager's {@code EthernetInterfaces}, firmware from {@code
 * UpdateService/FirmwareInventory}, and power from the chassis {@code EnvironmentMetrics} (else the
 * older {@code Power}), memory from the system's {@code MemorySummary}. What cannot be read lands
 * in {@code readErrors}; the rest is still filled.
 */
public final class SystemInventory {

  private SystemInventory() {}

  /**
   * The observation, or empty when the service has no computer system (a PDU or a CDU). Never
   * throws for the shape of a resource: unexpected shapes read as absent values.
   */
  public static Optional<ObservedSystem> read(
      ResourceReader reader, JsonNode root, String address, Instant observedAt) {
    String systemsLink = link(root.path("Systems"));
    if (systemsLink == null) {
      return Optional.empty();
    }
    List<String> systems = reader.memberLinks(systemsLink);
    if (systems.isEmpty()) {
      reader.error(systemsLink + ": no computer system listed");
    } else if (systems.size() > 1) {
      reader.error(
          systemsLink
              + ": "
              + systems.size()
              + " systems listed; only "
              + systems.get(0)
              + " read");
    }
    JsonNode system =
        systems.isEmpty()
            ? MissingNode.getInstance()
            : reader.read(systems.get(0)).orElse(MissingNode.getInstance());
    JsonNode chassis = chassis(reader, root, system);
    JsonNode manager = manager(reader, root, system);

    String bmcMac = bmcMac(reader, manager);
    ObservedSystem.Builder out =
        ObservedSystem.newBuilder()
            .setBmcId(bmcMac != null ? bmcMac : address)
            .setBmcAddress(address)
            .setBmcMac(bmcMac)
            .setObservedAt(observedAt)
            .setSerialNumber(either(system, chassis, "SerialNumber"))
            .setManufacturer(either(system, chassis, "Manufacturer"))
            .setModel(either(system, chassis, "Model"))
            .setPartNumber(either(system, chassis, "PartNumber"))
            .setSku(either(system, chassis, "SKU"))
            .setAssetTag(either(system, chassis, "AssetTag"))
            .setHostName(text(system, "HostName"))
            .setPowerState(either(system, chassis, "PowerState"))
            .setLocation(location(chassis))
            .setGpus(gpus(reader, system))
            .setNics(nics(reader, chassis))
            .setFirmware(firmware(reader, root, system))
            .setPowerWatts(powerWatts(reader, chassis))
            .setMemoryGiB(number(system.path("MemorySummary"), "TotalSystemMemoryGiB"));
    if (out.getPartNumber() == null) {
      out.setPartNumber(assemblyPartNumber(reader, chassis));
    }
    out.setReadErrors(new ArrayList<>(reader.errors()));
    return Optional.of(out.build());
  }

  /** The chassis the system links to, else the first chassis listed; missing when neither. */
  static JsonNode chassis(ResourceReader reader, JsonNode root, JsonNode system) {
    String linked = link(system.path("Links").path("Chassis").path(0));
    if (linked != null) {
      return reader.read(linked).orElse(MissingNode.getInstance());
    }
    String collection = link(root.path("Chassis"));
    List<String> members = collection == null ? List.of() : reader.memberLinks(collection);
    return members.isEmpty()
        ? MissingNode.getInstance()
        : reader.read(members.get(0)).orElse(MissingNode.getInstance());
  }

  private static JsonNode manager(ResourceReader reader, JsonNode root, JsonNode system) {
    String linked = link(system.path("Links").path("ManagedBy").path(0));
    if (linked != null) {
      return reader.read(linked).orElse(MissingNode.getInstance());
    }
    String collection = link(root.path("Managers"));
    List<String> members = collection == null ? List.of() : reader.memberLinks(collection);
    return members.isEmpty()
        ? MissingNode.getInstance()
        : reader.read(members.get(0)).orElse(MissingNode.getInstance());
  }

  /**
   * The BMC's own MAC: the first manager interface that is neither the host interface (the USB or
   * virtual NIC between BMC and host) nor virtual; else the first interface with a MAC at all.
   */
  static String bmcMac(ResourceReader reader, JsonNode manager) {
    String fallback = null;
    for (JsonNode nic : reader.members(manager, "EthernetInterfaces")) {
      String mac =
          Identifiers.mac(firstNonNull(text(nic, "PermanentMACAddress"), text(nic, "MACAddress")));
      if (mac == null) {
        continue;
      }
      String names = (text(nic, "Id") + " " + text(nic, "Name")).toLowerCase(Locale.ROOT);
      boolean hostSide =
          names.contains("host") || "Virtual".equalsIgnoreCase(text(nic, "EthernetInterfaceType"));
      if (!hostSide && !Boolean.FALSE.equals(bool(nic, "InterfaceEnabled"))) {
        return mac;
      }
      if (fallback == null) {
        fallback = mac;
      }
    }
    return fallback;
  }

  private static ObservedLocation location(JsonNode chassis) {
    JsonNode placement = chassis.path("Location").path("Placement");
    String rack = text(placement, "Rack");
    Double position = number(placement, "RackOffset");
    String site = text(placement, "FacilityName");
    if (rack == null && position == null && site == null) {
      return null;
    }
    return ObservedLocation.newBuilder().setSite(site).setRack(rack).setPosition(position).build();
  }

  private static List<ObservedGpu> gpus(ResourceReader reader, JsonNode system) {
    List<ObservedGpu> gpus = new ArrayList<>();
    for (JsonNode processor : reader.members(system, "Processors")) {
      if (!"GPU".equalsIgnoreCase(text(processor, "ProcessorType"))) {
        continue;
      }
      // A slot the BMC lists but reports as empty is not a GPU.
      if ("Absent".equalsIgnoreCase(text(processor.path("Status"), "State"))) {
        continue;
      }
      gpus.add(
          ObservedGpu.newBuilder()
              .setId(
                  orElse(
                      firstNonNull(text(processor, "Id"), link(processor)),
                      "GPU" + (gpus.size() + 1)))
              .setManufacturer(text(processor, "Manufacturer"))
              .setModel(text(processor, "Model"))
              .setSerialNumber(text(processor, "SerialNumber"))
              .setPartNumber(text(processor, "PartNumber"))
              .build());
    }
    return gpus;
  }

  private static List<ObservedNic> nics(ResourceReader reader, JsonNode chassis) {
    List<ObservedNic> nics = new ArrayList<>();
    for (JsonNode adapter : reader.members(chassis, "NetworkAdapters")) {
      String adapterId =
          orElse(firstNonNull(text(adapter, "Id"), link(adapter)), "adapter" + (nics.size() + 1));
      // Ports replaced NetworkPorts in NetworkAdapter 1.5 (2020.4); older BMCs only have the
      // latter.
      boolean modern = link(adapter.path("Ports")) != null;
      List<JsonNode> ports = reader.members(adapter, modern ? "Ports" : "NetworkPorts");
      for (JsonNode port : ports) {
        nics.add(
            ObservedNic.newBuilder()
                .setAdapterId(adapterId)
                .setPortId(
                    orElse(firstNonNull(text(port, "Id"), link(port)), "port" + (nics.size() + 1)))
                .setManufacturer(text(adapter, "Manufacturer"))
                .setModel(text(adapter, "Model"))
                .setMacAddress(portMac(port, modern))
                .setLinkStatus(text(port, "LinkStatus"))
                .setLldpNeighbor(modern ? lldp(port) : null)
                .build());
      }
    }
    return nics;
  }

  private static String portMac(JsonNode port, boolean modern) {
    JsonNode addresses =
        modern
            ? port.path("Ethernet").path("AssociatedMACAddresses")
            : port.path("AssociatedNetworkAddresses");
    for (JsonNode address : addresses) {
      String mac = Identifiers.mac(address.asText(null));
      if (mac != null) {
        return mac;
      }
    }
    return null;
  }

  private static LldpNeighbor lldp(JsonNode port) {
    JsonNode receive = port.path("Ethernet").path("LLDPReceive");
    String chassisId = text(receive, "ChassisId");
    String systemName = text(receive, "SystemName");
    String portId = text(receive, "PortId");
    if (chassisId == null && systemName == null && portId == null) {
      return null;
    }
    return LldpNeighbor.newBuilder()
        .setChassisId(chassisId)
        .setSystemName(systemName)
        .setPortId(portId)
        .build();
  }

  /**
   * Firmware by inventory {@code Id} (e.g. {@code BMC}, {@code BIOS}), the name device-type
   * baselines use; the system's {@code BiosVersion} fills in a missing BIOS entry.
   */
  private static Map<String, String> firmware(
      ResourceReader reader, JsonNode root, JsonNode system) {
    Map<String, String> firmware = new TreeMap<>();
    reader
        .follow(root, "UpdateService")
        .ifPresent(
            update -> {
              for (JsonNode item : reader.members(update, "FirmwareInventory")) {
                String id = firstNonNull(text(item, "Id"), text(item, "Name"));
                String version = text(item, "Version");
                if (id != null && version != null) {
                  firmware.put(id, version);
                }
              }
            });
    String bios = text(system, "BiosVersion");
    if (bios != null && firmware.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("BIOS"))) {
      firmware.put("BIOS", bios);
    }
    return firmware;
  }

  private static Double powerWatts(ResourceReader reader, JsonNode chassis) {
    if (link(chassis.path("EnvironmentMetrics")) != null) {
      Double watts =
          reader
              .follow(chassis, "EnvironmentMetrics")
              .map(m -> reading(m, "PowerWatts"))
              .orElse(null);
      if (watts != null) {
        return watts;
      }
    }
    if (link(chassis.path("Power")) != null) {
      return reader
          .follow(chassis, "Power")
          .map(power -> number(power.path("PowerControl").path(0), "PowerConsumedWatts"))
          .orElse(null);
    }
    return null;
  }

  private static String assemblyPartNumber(ResourceReader reader, JsonNode chassis) {
    if (link(chassis.path("Assembly")) == null) {
      return null;
    }
    return reader
        .follow(chassis, "Assembly")
        .map(assembly -> text(assembly.path("Assemblies").path(0), "PartNumber"))
        .orElse(null);
  }

  private static String either(JsonNode system, JsonNode chassis, String field) {
    return firstNonNull(text(system, field), text(chassis, field));
  }

  private static Boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isBoolean() ? value.booleanValue() : null;
  }

  private static String orElse(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
