package io.plumbline.ingest.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --pdu-map} file: which NetBox power feed a rack PDU (or one of its circuits) measures,
 * which rack a CDU cools, and which rack a server stands in (for its BMC's inlet temperature).
 * Redfish knows neither, so the site says it once:
 *
 * <pre>{@code
 * {
 *   "pdus": [
 *     {"match": "29347ZT536", "feed": "301"},
 *     {"match": "pdu-r14-b.example.net", "circuit": "Mains/AC1", "feed": "302"}
 *   ],
 *   "cdus": [
 *     {"match": "PDX5-92381", "rack": "14"}
 *   ],
 *   "servers": [
 *     {"match": "437XR1138R2", "rack": "14"}
 *   ]
 * }
 * }</pre>
 *
 * {@code match} is compared, trimmed and case-insensitively, with the equipment's serial number,
 * asset tag, name, Redfish path ({@code RackPDUs/1}), BMC address ({@code host} or {@code
 * host:port}) or address and path ({@code host/RackPDUs/1}); a server entry with the server's
 * serial number, asset tag, host name, BMC MAC or BMC address. A PDU entry without {@code circuit}
 * maps the PDU as a whole (its {@code Metrics}, phases from its single mains circuit); with one, it
 * maps that circuit ({@code Mains/AC1}, {@code Branches/A}, {@code Outlets/A1}). An unknown key or
 * an entry without a target stops start-up with a message naming it.
 */
public final class EquipmentMap {

  /** One PDU entry: a circuit of null means the whole PDU. */
  public record PduFeed(String match, String circuit, String feed) {}

  /** One CDU or server entry: the equipment known by {@code match} is in (or cools) a rack. */
  public record CduRack(String match, String rack) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<PduFeed> pdus;
  private final List<CduRack> cdus;
  private final List<CduRack> servers;

  public EquipmentMap(List<PduFeed> pdus, List<CduRack> cdus, List<CduRack> servers) {
    this.pdus = List.copyOf(pdus);
    this.cdus = List.copyOf(cdus);
    this.servers = List.copyOf(servers);
  }

  /** Maps nothing: every PDU reading is unmapped, CDU readings carry no rack. */
  public static EquipmentMap empty() {
    return new EquipmentMap(List.of(), List.of(), List.of());
  }

  /** Reads and validates a mapping file. */
  public static EquipmentMap load(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--pdu-map " + file + ": not a readable JSON file (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("--pdu-map " + file + ": expected a JSON object");
    }
    root.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals("pdus") && !name.equals("cdus") && !name.equals("servers")) {
                throw new IllegalArgumentException(
                    "--pdu-map "
                        + file
                        + ": unknown key '"
                        + name
                        + "' (known: pdus, cdus, servers)");
              }
            });
    List<PduFeed> pdus = new ArrayList<>();
    int i = 0;
    for (JsonNode entry : root.path("pdus")) {
      String where = "--pdu-map " + file + ": pdus[" + i++ + "]";
      pdus.add(
          new PduFeed(
              required(entry, "match", where),
              optional(entry, "circuit"),
              required(entry, "feed", where)));
    }
    return new EquipmentMap(pdus, racks(root, "cdus", file), racks(root, "servers", file));
  }

  private static List<CduRack> racks(JsonNode root, String key, Path file) {
    List<CduRack> racks = new ArrayList<>();
    int i = 0;
    for (JsonNode entry : root.path(key)) {
      String where = "--pdu-map " + file + ": " + key + "[" + i++ + "]";
      racks.add(new CduRack(required(entry, "match", where), required(entry, "rack", where)));
    }
    return racks;
  }

  /** The feed entries that apply to a PDU known by these names, in file order. */
  public List<PduFeed> feedsOf(Collection<String> names) {
    return pdus.stream().filter(e -> matches(e.match(), names)).toList();
  }

  /** The rack a CDU known by these names cools, if mapped. */
  public Optional<String> rackOf(Collection<String> names) {
    return cdus.stream().filter(e -> matches(e.match(), names)).map(CduRack::rack).findFirst();
  }

  /** The rack a server known by these names stands in, if mapped. */
  public Optional<String> serverRackOf(Collection<String> names) {
    return servers.stream().filter(e -> matches(e.match(), names)).map(CduRack::rack).findFirst();
  }

  private static boolean matches(String match, Collection<String> names) {
    String wanted = match.strip().toLowerCase(Locale.ROOT);
    return names.stream()
        .filter(Objects::nonNull)
        .anyMatch(name -> name.strip().toLowerCase(Locale.ROOT).equals(wanted));
  }

  private static String required(JsonNode entry, String field, String where) {
    String value = optional(entry, field);
    if (value == null) {
      throw new IllegalArgumentException(where + ": '" + field + "' is required");
    }
    return value;
  }

  private static String optional(JsonNode entry, String field) {
    return ResourceReader.text(entry, field);
  }
}
