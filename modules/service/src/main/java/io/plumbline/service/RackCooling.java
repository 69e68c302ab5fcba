package io.plumbline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.topology.cooling.CoolingPolicy;
import io.plumbline.topology.telemetry.Hysteresis;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rack's cooling as the API serves it, from the cooling topology's sensor windows (one-minute
 * means kept for the cooling policy's retention) and the power topology's rack load: the latest
 * mean of every sensor and kind with its recent windows, the hottest inlet against the ASHRAE marks
 * the cooling check uses (27 °C recommended, 32 °C allowable), the rack's heat (its measured
 * electrical load: what a rack draws it turns into heat) against the cooling capacity NetBox plans,
 * and its CDUs' coolant supply temperature and flow where a rack sensor names its CDU.
 *
 * <p>The levels here are the latest window against the marks, without the check's hysteresis: the
 * COOLING discrepancies stay the authority on what is open.
 */
final class RackCooling {

  static final Hysteresis INLET = CoolingPolicy.defaults().inlet();

  private RackCooling() {}

  /**
   * @param rack the rack's design JSON, or null when not in the design
   * @param heatWatts the rack's measured load, or null when no feed has a closed window
   * @param rackWindows the windows of sensors in the rack
   * @param cduWindows the windows of the CDUs the rack's sensors name
   */
  static ObjectNode of(
      String rackId,
      JsonNode rack,
      Double heatWatts,
      List<ObjectNode> rackWindows,
      List<ObjectNode> cduWindows) {
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    node.put("rackId", rackId);
    node.put("name", rack == null ? null : rack.path("name").asText(null));
    node.put("inletWarningCelsius", INLET.warning());
    node.put("inletCriticalCelsius", INLET.critical());
    List<Series> sensors = series(rackWindows);
    Double hottest = null;
    ArrayNode sensorArray = node.putArray("sensors");
    for (Series sensor : sensors) {
      ObjectNode s = sensor.json();
      if ("INLET_TEMPERATURE".equals(sensor.kind)) {
        double latest = sensor.latest().mean;
        s.put("level", inletLevel(latest));
        hottest = hottest == null ? latest : Math.max(hottest, latest);
      }
      sensorArray.add(s);
    }
    putNullable(node, "inletCelsius", hottest);
    node.put("inletLevel", hottest == null ? null : inletLevel(hottest));
    Double capacity =
        rack == null || !rack.path("coolingCapacityWatts").isNumber()
            ? null
            : rack.path("coolingCapacityWatts").asDouble();
    putNullable(node, "heatWatts", heatWatts);
    putNullable(node, "coolingCapacityWatts", capacity);
    boolean both = heatWatts != null && capacity != null;
    putNullable(node, "headroomWatts", both ? capacity - heatWatts : null);
    putNullable(node, "heatShare", both && capacity > 0 ? heatWatts / capacity : null);
    node.set("cdus", cdus(series(cduWindows)));
    return node;
  }

  /** The same, reduced to what the power view lists per rack (no per-sensor history). */
  static ObjectNode brief(ObjectNode full) {
    ObjectNode node = full.deepCopy();
    node.remove("sensors");
    node.put(
        "inletSensors",
        (int)
            full.path("sensors")
                .valueStream()
                .filter(s -> "INLET_TEMPERATURE".equals(s.path("kind").asText()))
                .count());
    return node;
  }

  static String inletLevel(double celsius) {
    if (celsius > INLET.critical()) {
      return "CRITICAL";
    }
    return celsius > INLET.warning() ? "WARNING" : "OK";
  }

  private static ArrayNode cdus(List<Series> series) {
    Map<String, ObjectNode> byCdu = new TreeMap<>();
    for (Series s : series) {
      if (s.cduId == null) {
        continue;
      }
      ObjectNode cdu =
          byCdu.computeIfAbsent(
              s.cduId, id -> ApiResponse.JSON.createObjectNode().put("cduId", id));
      Point latest = s.latest();
      switch (s.kind) {
        case "COOLANT_SUPPLY_TEMPERATURE" -> cdu.put("supplyCelsius", latest.mean);
        case "COOLANT_RETURN_TEMPERATURE" -> cdu.put("returnCelsius", latest.mean);
        case "COOLANT_FLOW" -> cdu.put("flowLitresPerMinute", latest.mean);
        default -> {
          // Other kinds are listed with the rack's sensors.
        }
      }
      String end = cdu.path("windowEnd").asText("");
      if (latest.windowEnd.compareTo(end) > 0) {
        cdu.put("windowEnd", latest.windowEnd);
      }
    }
    ArrayNode out = ApiResponse.JSON.createArrayNode();
    byCdu.values().forEach(out::add);
    return out;
  }

  /** Windows regrouped per sensor and kind, oldest first. */
  private static List<Series> series(Collection<ObjectNode> windows) {
    Map<String, Series> bySensorAndKind = new TreeMap<>();
    for (ObjectNode window : windows) {
      for (JsonNode kind : window.path("kinds")) {
        String sensorId = window.path("sensorId").asText();
        String name = kind.path("kind").asText();
        bySensorAndKind
            .computeIfAbsent(
                sensorId + "\u0000" + name,
                k ->
                    new Series(
                        sensorId,
                        name,
                        kind.path("unit").asText(""),
                        window.path("cduId").asText(null)))
            .points
            .add(
                new Point(
                    window.path("windowStart").asText(),
                    window.path("windowEnd").asText(),
                    kind.path("mean").asDouble()));
      }
    }
    List<Series> out = new ArrayList<>(bySensorAndKind.values());
    out.forEach(s -> s.points.sort(Comparator.comparing(p -> p.windowStart)));
    return out;
  }

  private static void putNullable(ObjectNode node, String field, Double value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }

  private record Point(String windowStart, String windowEnd, double mean) {}

  private record Series(
      String sensorId, String kind, String unit, String cduId, List<Point> points) {
    Series(String sensorId, String kind, String unit, String cduId) {
      this(sensorId, kind, unit, cduId, new ArrayList<>());
    }

    Point latest() {
      return points.get(points.size() - 1);
    }

    ObjectNode json() {
      ObjectNode node = ApiResponse.JSON.createObjectNode();
      node.put("sensorId", sensorId);
      node.put("kind", kind);
      node.put("unit", unit);
      node.put("cduId", cduId);
      Point latest = latest();
      node.put("latest", latest.mean);
      node.put("windowStart", latest.windowStart);
      node.put("windowEnd", latest.windowEnd);
      ArrayNode history = node.putArray("history");
      for (Point point : points) {
        history.addObject().put("windowEnd", point.windowEnd).put("mean", point.mean);
      }
      return node;
    }
  }
}
