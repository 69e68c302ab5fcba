package io.plumbline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A device's cables as the API serves them: per server port, the cables NetBox plans on it (local
 * port, expected peer device and port), the LLDP neighbour its BMC reports, and a state taken from
 * the device's open CABLING discrepancies so the page never contradicts the discrepancy list:
 *
 * <ul>
 *   <li>{@code MISSING}, {@code MISCABLED}, {@code UNEXPECTED}: an open LINK_MISSING, MISCABLED or
 *       UNEXPECTED_LINK on the port (with its id);
 *   <li>{@code OK}: planned, and the BMC reports a neighbour or a link up, with no open finding;
 *   <li>{@code UNVERIFIED}: planned, but the port is not (yet) reported with a link;
 *   <li>{@code UNPLANNED}: a neighbour on a port with no cable, which the cabling policy does not
 *       report (no cable is planned on the device at all).
 * </ul>
 *
 * Ports are matched like the cabling check matches them: the name trimmed and lower-cased.
 */
final class DeviceCables {

  private DeviceCables() {}

  /**
   * @param planned the device's planned links JSON, or null when no cable ends on it
   * @param context the device's observed NICs JSON, or null when unknown
   * @param cablingDiscrepancies open CABLING discrepancies (any device; filtered here)
   */
  static ObjectNode of(
      String deviceId, JsonNode planned, JsonNode context, List<ObjectNode> cablingDiscrepancies) {
    Map<String, ObjectNode> ports = new TreeMap<>();
    if (planned != null) {
      for (JsonNode link : planned.path("links")) {
        String port = normalised(link.path("localInterface").asText(null));
        if (port == null) {
          continue;
        }
        ObjectNode entry =
            ports.computeIfAbsent(port, p -> newPort(p, link.path("localInterface")));
        ((ArrayNode) entry.get("planned"))
            .addObject()
            .put("cableId", link.path("cableId").asText())
            .put("peerDeviceId", link.path("peerDeviceId").asText())
            .put("peerDeviceName", link.path("peerDeviceName").asText())
            .put("peerInterface", link.path("peerInterface").asText())
            .put("status", link.path("status").asText())
            .put("label", link.path("label").asText(null))
            .put("url", link.path("url").asText(null));
      }
    }
    if (context != null) {
      for (JsonNode nic : context.path("nics")) {
        String port = normalised(nic.path("portId").asText(null));
        JsonNode seen = seenPeer(nic.path("lldpNeighbor"));
        if (port == null || (!ports.containsKey(port) && seen == null)) {
          continue;
        }
        ObjectNode entry = ports.computeIfAbsent(port, p -> newPort(p, nic.path("portId")));
        // A BMC may list a port twice: the entry with a neighbour wins, as in the check.
        if (entry.path("seenPeer").isNull() || !entry.has("linkStatus")) {
          entry.put("linkStatus", nic.path("linkStatus").asText(null));
          entry.set("seenPeer", seen == null ? ApiResponse.JSON.nullNode() : seen);
        }
      }
    }
    for (ObjectNode discrepancy : cablingDiscrepancies) {
      String subject = discrepancy.path("subject").path("id").asText("");
      String prefix = deviceId + ":";
      if (!subject.startsWith(prefix)) {
        continue;
      }
      ObjectNode entry =
          ports.computeIfAbsent(
              subject.substring(prefix.length()),
              p -> newPort(p, ApiResponse.JSON.getNodeFactory().textNode(p)));
      String state = state(discrepancy.path("type").asText());
      if (state != null && rank(state) < rank(entry.path("state").asText("OK"))) {
        entry.put("state", state);
        entry.put("discrepancyId", discrepancy.path("id").asText());
      }
    }
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    node.put("deviceId", deviceId);
    node.put("observed", context != null && context.path("observed").asBoolean(false));
    ArrayNode array = node.putArray("ports");
    for (ObjectNode entry : ports.values()) {
      if (!entry.has("state")) {
        entry.put("state", quietState(entry));
      }
      if (!entry.has("seenPeer")) {
        entry.putNull("seenPeer");
        entry.putNull("linkStatus");
      }
      array.add(entry);
    }
    return node;
  }

  private static String quietState(ObjectNode entry) {
    boolean planned = !entry.path("planned").isEmpty();
    boolean seen = !entry.path("seenPeer").isNull() && entry.has("seenPeer");
    boolean up =
        entry
            .path("linkStatus")
            .asText("")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z]", "")
            .matches("linkup|up");
    if (!planned) {
      return "UNPLANNED";
    }
    return seen || up ? "OK" : "UNVERIFIED";
  }

  private static ObjectNode newPort(String port, JsonNode name) {
    ObjectNode entry = ApiResponse.JSON.createObjectNode();
    entry.put("port", port);
    entry.put("interface", name.asText(port).strip());
    entry.putArray("planned");
    return entry;
  }

  private static JsonNode seenPeer(JsonNode neighbour) {
    if (neighbour == null || !neighbour.isObject()) {
      return null;
    }
    ObjectNode seen = ApiResponse.JSON.createObjectNode();
    boolean any = false;
    for (String field : List.of("systemName", "portId", "chassisId")) {
      String value = neighbour.path(field).asText("").strip();
      if (value.isEmpty()) {
        seen.putNull(field);
      } else {
        seen.put(field, value);
        any = true;
      }
    }
    return any ? seen : null;
  }

  private static String state(String type) {
    return switch (type) {
      case "LINK_MISSING" -> "MISSING";
      case "MISCABLED" -> "MISCABLED";
      case "UNEXPECTED_LINK" -> "UNEXPECTED";
      default -> null;
    };
  }

  /** Lower is more important: the state shown when a port has several findings. */
  private static int rank(String state) {
    return switch (state) {
      case "MISCABLED" -> 0;
      case "MISSING" -> 1;
      case "UNEXPECTED" -> 2;
      default -> 3;
    };
  }

  /** As the cabling check names server ports: trimmed and lower-cased; null when blank. */
  static String normalised(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip().toLowerCase(Locale.ROOT);
  }
}
