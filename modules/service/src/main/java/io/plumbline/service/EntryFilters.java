package io.plumbline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.Severity;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The filters a list query accepts, per store, turned into a predicate on the API JSON. Values may
 * be comma-separated (any of them matches); an unknown parameter or value is a 400 naming it, so a
 * typo never silently returns everything.
 *
 * <p>Discrepancies: {@code type}, {@code severity}, {@code domain}, {@code site}, {@code rack} (the
 * subject's rack, or the rack itself), {@code state} ({@code open} = OPENED or UPDATED, the
 * default; {@code all}; or state names) and {@code acknowledged} ({@code true|false}). Devices:
 * {@code serial} (trimmed, case-insensitive), {@code rack}, {@code site}. Sensor windows: {@code
 * rack}, {@code cdu}, {@code kind}.
 */
final class EntryFilters {

  /** Parameters that shape the answer rather than filter it. */
  static final Set<String> CONTROL = Set.of("history");

  static final List<String> DISCREPANCY_FILTERS =
      List.of("type", "severity", "domain", "site", "rack", "state", "acknowledged");
  static final List<String> DEVICE_FILTERS = List.of("serial", "rack", "site");
  static final List<String> SENSOR_WINDOW_FILTERS = List.of("rack", "cdu", "kind");

  private EntryFilters() {}

  /** The predicate for a store's list query with these parameters. */
  static Predicate<ObjectNode> of(ApiStore store, Map<String, String> params) {
    return switch (store) {
      case DISCREPANCIES -> discrepancies(params);
      case DEVICES -> devices(params);
      case SENSOR_WINDOWS -> sensorWindows(params);
      default -> {
        rejectUnknown(params, List.of());
        yield node -> true;
      }
    };
  }

  static Predicate<ObjectNode> discrepancies(Map<String, String> params) {
    rejectUnknown(params, DISCREPANCY_FILTERS);
    Predicate<ObjectNode> filter = node -> true;
    Set<String> types = symbols(params, "type", DiscrepancyType.values());
    if (types != null) {
      filter = filter.and(node -> types.contains(node.path("type").asText()));
    }
    Set<String> severities = symbols(params, "severity", Severity.values());
    if (severities != null) {
      filter = filter.and(node -> severities.contains(node.path("severity").asText()));
    }
    Set<String> domains = symbols(params, "domain", DiscrepancyDomain.values());
    if (domains != null) {
      filter = filter.and(node -> domains.contains(node.path("domain").asText()));
    }
    Set<String> sites = values(params, "site");
    if (sites != null) {
      filter =
          filter.and(
              node ->
                  sites.contains(node.path("subject").path("siteId").asText(null))
                      || isSubject(node, "SITE", sites));
    }
    Set<String> racks = values(params, "rack");
    if (racks != null) {
      filter =
          filter.and(
              node ->
                  racks.contains(node.path("subject").path("rackId").asText(null))
                      || isSubject(node, "RACK", racks));
    }
    Set<String> states = states(params.getOrDefault("state", "open"));
    filter = filter.and(node -> states.contains(node.path("state").asText()));
    String acknowledged = params.get("acknowledged");
    if (acknowledged != null) {
      boolean wanted = bool("acknowledged", acknowledged);
      filter = filter.and(node -> node.path("acknowledged").asBoolean(false) == wanted);
    }
    return filter;
  }

  static Predicate<ObjectNode> devices(Map<String, String> params) {
    rejectUnknown(params, DEVICE_FILTERS);
    Predicate<ObjectNode> filter = node -> true;
    String serial = params.get("serial");
    if (serial != null) {
      String wanted = normaliseSerial(serial);
      filter = filter.and(node -> wanted.equals(normaliseSerial(node.path("serial").asText(""))));
    }
    Set<String> racks = values(params, "rack");
    if (racks != null) {
      filter = filter.and(node -> racks.contains(node.path("rackId").asText(null)));
    }
    Set<String> sites = values(params, "site");
    if (sites != null) {
      filter = filter.and(node -> sites.contains(node.path("siteId").asText(null)));
    }
    return filter;
  }

  /** Sensor windows: by the sensor's rack, its CDU, or a kind it measured in the window. */
  static Predicate<ObjectNode> sensorWindows(Map<String, String> params) {
    rejectUnknown(params, SENSOR_WINDOW_FILTERS);
    Predicate<ObjectNode> filter = node -> true;
    Set<String> racks = values(params, "rack");
    if (racks != null) {
      filter = filter.and(node -> racks.contains(node.path("rackId").asText(null)));
    }
    Set<String> cdus = values(params, "cdu");
    if (cdus != null) {
      filter = filter.and(node -> cdus.contains(node.path("cduId").asText(null)));
    }
    Set<String> kinds = symbols(params, "kind", EnvironmentKind.values());
    if (kinds != null) {
      filter =
          filter.and(
              node -> {
                for (JsonNode kind : node.path("kinds")) {
                  if (kinds.contains(kind.path("kind").asText())) {
                    return true;
                  }
                }
                return false;
              });
    }
    return filter;
  }

  static String normaliseSerial(String serial) {
    return serial.trim().toUpperCase(Locale.ROOT);
  }

  private static boolean isSubject(JsonNode node, String kind, Set<String> ids) {
    JsonNode subject = node.path("subject");
    return kind.equals(subject.path("kind").asText()) && ids.contains(subject.path("id").asText());
  }

  private static Set<String> states(String value) {
    Set<String> states = new LinkedHashSet<>();
    for (String part : split(value)) {
      switch (part.toLowerCase(Locale.ROOT)) {
        case "open" -> {
          states.add(DiscrepancyState.OPENED.name());
          states.add(DiscrepancyState.UPDATED.name());
        }
        case "all" -> Arrays.stream(DiscrepancyState.values()).forEach(s -> states.add(s.name()));
        default ->
            states.addAll(symbols(Map.of("state", part), "state", DiscrepancyState.values()));
      }
    }
    return states;
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ApiException.badRequest(name + " must be true or false, not '" + value + "'");
    };
  }

  private static Set<String> symbols(Map<String, String> params, String name, Enum<?>[] known) {
    Set<String> wanted = values(params, name);
    if (wanted == null) {
      return null;
    }
    Set<String> names = Arrays.stream(known).map(Enum::name).collect(Collectors.toSet());
    Set<String> out = new LinkedHashSet<>();
    for (String value : wanted) {
      String symbol = value.toUpperCase(Locale.ROOT);
      if (!names.contains(symbol)) {
        throw ApiException.badRequest("unknown " + name + " '" + value + "'; known: " + names);
      }
      out.add(symbol);
    }
    return out;
  }

  private static Set<String> values(Map<String, String> params, String name) {
    String value = params.get(name);
    if (value == null) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>(split(value));
    if (out.isEmpty()) {
      throw ApiException.badRequest(name + " needs a value");
    }
    return out;
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static void rejectUnknown(Map<String, String> params, List<String> known) {
    for (String name : params.keySet()) {
      if (!known.contains(name) && !CONTROL.contains(name)) {
        throw ApiException.badRequest(
            "unknown parameter '" + name + "'" + (known.isEmpty() ? "" : "; known: " + known));
      }
    }
  }
}
