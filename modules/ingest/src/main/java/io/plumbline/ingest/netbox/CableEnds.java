package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The two ends of a NetBox cable, read from either shape: NetBox 3.3 and later list each side's
 * terminations ({@code a_terminations: [{object_type, object_id, object}]}); 3.2 and earlier name
 * one termination per side ({@code termination_a_type}, {@code termination_a_id}, {@code
 * termination_a}).
 */
record CableEnds(List<Termination> a, List<Termination> b) {

  /** One termination: its type ({@code dcim.interface}...), device and port name. */
  record Termination(String type, String deviceId, String deviceName, String portName) {

    boolean isInterface() {
      return "dcim.interface".equals(type);
    }
  }

  static CableEnds of(JsonNode cable) {
    if (cable.has("a_terminations") || cable.has("b_terminations")) {
      return new CableEnds(
          listed(cable.get("a_terminations")), listed(cable.get("b_terminations")));
    }
    return new CableEnds(single(cable, "a"), single(cable, "b"));
  }

  boolean interfaceToInterface() {
    return !a.isEmpty()
        && !b.isEmpty()
        && a.stream().allMatch(Termination::isInterface)
        && b.stream().allMatch(Termination::isInterface);
  }

  /** The termination types on both sides, for messages, e.g. {@code dcim.consoleport}. */
  String describeTypes() {
    List<String> types = new ArrayList<>();
    a.forEach(t -> types.add(t.type()));
    b.forEach(t -> types.add(t.type()));
    return String.join(" / ", types.stream().distinct().toList());
  }

  private static List<Termination> listed(JsonNode terminations) {
    List<Termination> ends = new ArrayList<>();
    if (terminations == null || !terminations.isArray()) {
      return ends;
    }
    for (JsonNode termination : terminations) {
      ends.add(
          termination(NetboxJson.text(termination, "object_type"), termination.path("object")));
    }
    return ends;
  }

  private static List<Termination> single(JsonNode cable, String side) {
    JsonNode object = cable.get("termination_" + side);
    if (object == null || object.isNull()) {
      return List.of();
    }
    return List.of(termination(NetboxJson.text(cable, "termination_" + side + "_type"), object));
  }

  private static Termination termination(String type, JsonNode object) {
    JsonNode device = object.path("device");
    String deviceName = NetboxJson.text(device, "name");
    if (deviceName == null) {
      deviceName = NetboxJson.text(device, "display");
    }
    String portName = NetboxJson.text(object, "name");
    return new Termination(
        type == null ? "" : type.toLowerCase(Locale.ROOT),
        NetboxJson.id(device),
        deviceName,
        portName);
  }
}
