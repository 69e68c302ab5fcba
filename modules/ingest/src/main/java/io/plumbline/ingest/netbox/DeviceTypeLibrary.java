package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Device types from the NetBox community's devicetype-library (YAML, one file per type: {@code
 * manufacturer}, {@code model}, {@code slug}, {@code part_number}, {@code u_height}, {@code
 * power-ports} with {@code maximum_draw}/{@code allocated_draw}, {@code module-bays}), used to fill
 * in what a NetBox device type leaves out: the part number, the draws when it has no power-port
 * templates with draws, and the GPU count (module bays named {@code GPU...}) when the custom field
 * is not set. NetBox types are matched by slug, else part number, else manufacturer and model
 * (letters and digits, case-insensitive).
 */
public final class DeviceTypeLibrary {

  /** One library device type. */
  public record LibraryType(
      String manufacturer,
      String model,
      String slug,
      String partNumber,
      Double uHeight,
      Double maximumDraw,
      Double allocatedDraw,
      int gpuBays,
      Path file) {}

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<LibraryType> types;
  private final Map<String, LibraryType> bySlug = new HashMap<>();
  private final Map<String, LibraryType> byPart = new HashMap<>();
  private final Map<String, LibraryType> byModel = new HashMap<>();

  private DeviceTypeLibrary(List<LibraryType> types) {
    this.types = List.copyOf(types);
    for (LibraryType type : types) {
      if (type.slug() != null) {
        bySlug.putIfAbsent(type.slug().toLowerCase(Locale.ROOT), type);
      }
      if (type.partNumber() != null) {
        byPart.putIfAbsent(norm(type.partNumber()), type);
      }
      byModel.putIfAbsent(norm(type.manufacturer()) + "/" + norm(type.model()), type);
    }
  }

  /** An empty library (no {@code --device-types}). */
  static DeviceTypeLibrary none() {
    return new DeviceTypeLibrary(List.of());
  }

  /**
   * Reads every {@code .yaml}/{@code .yml} under {@code dir}; a file that is not a device type is
   * reported on {@code warnings} and skipped.
   */
  public static DeviceTypeLibrary load(Path dir, PrintStream warnings) throws IOException {
    List<LibraryType> types = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      try {
        JsonNode yaml = YAML.readTree(file.toFile());
        String manufacturer = NetboxJson.text(yaml, "manufacturer");
        String model = NetboxJson.text(yaml, "model");
        if (manufacturer == null || model == null) {
          warnings.printf("device types: %s has no manufacturer or model; skipped%n", file);
          continue;
        }
        types.add(
            new LibraryType(
                manufacturer,
                model,
                NetboxJson.text(yaml, "slug"),
                NetboxJson.text(yaml, "part_number"),
                NetboxJson.number(yaml, "u_height"),
                sum(yaml.path("power-ports"), "maximum_draw"),
                sum(yaml.path("power-ports"), "allocated_draw"),
                gpuBays(yaml.path("module-bays")),
                file));
      } catch (IOException e) {
        warnings.printf("device types: %s is not readable YAML: %s%n", file, e.getMessage());
      }
    }
    return new DeviceTypeLibrary(types);
  }

  public List<LibraryType> types() {
    return types;
  }

  /** The library type for a NetBox device type, or null. */
  LibraryType match(String slug, String partNumber, String manufacturer, String model) {
    LibraryType found = slug == null ? null : bySlug.get(slug.toLowerCase(Locale.ROOT));
    if (found == null && partNumber != null) {
      found = byPart.get(norm(partNumber));
    }
    if (found == null && manufacturer != null && model != null) {
      found = byModel.get(norm(manufacturer) + "/" + norm(model));
    }
    return found;
  }

  private static Double sum(JsonNode ports, String field) {
    Double total = null;
    for (JsonNode port : ports) {
      Double value = NetboxJson.number(port, field);
      if (value != null) {
        total = total == null ? value : total + value;
      }
    }
    return total;
  }

  private static int gpuBays(JsonNode bays) {
    int count = 0;
    for (JsonNode bay : bays) {
      String name = NetboxJson.text(bay, "name");
      if (name != null && name.toUpperCase(Locale.ROOT).startsWith("GPU")) {
        count++;
      }
    }
    return count;
  }

  private static String norm(String text) {
    return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }
}
