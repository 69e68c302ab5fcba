package io.plumbline.ingest.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the resources of one crawl, tolerating what real services do: a link that fails is recorded
 * as a per-resource error and reads as absent, collections are followed across {@code
 * Members@odata.nextLink} pages, a collection without {@code Members} is empty, and each resource
 * is fetched at most once per crawl.
 */
public final class ResourceReader {

  /** Safety net against a service whose nextLink points back at an earlier page. */
  private static final int MAX_PAGES = 1000;

  private final RedfishService service;
  private final List<String> errors = new ArrayList<>();
  private final Set<String> failed = new HashSet<>();
  // Inventory and inlet readings both start from the system and its chassis; read them once.
  private final Map<String, JsonNode> fetched = new HashMap<>();

  public ResourceReader(RedfishService service) {
    this.service = service;
  }

  /** The resource at a path, or empty (with the error recorded) when it cannot be read. */
  public Optional<JsonNode> read(String path) {
    if (path == null || path.isBlank() || failed.contains(path)) {
      return Optional.empty();
    }
    JsonNode known = fetched.get(path);
    if (known != null) {
      return Optional.of(known);
    }
    try {
      JsonNode resource = service.get(path);
      fetched.put(path, resource);
      return Optional.of(resource);
    } catch (RedfishException e) {
      failed.add(path);
      errors.add(e.getMessage());
      return Optional.empty();
    }
  }

  /** The resource a property of {@code parent} links to ({@code {"@odata.id": ...}}), if any. */
  public Optional<JsonNode> follow(JsonNode parent, String property) {
    return read(link(parent.path(property)));
  }

  /**
   * The members of the collection a property of {@code parent} links to, each read in full; members
   * that fail are recorded and skipped. An absent link is an empty list.
   */
  public List<JsonNode> members(JsonNode parent, String property) {
    String path = link(parent.path(property));
    return path == null ? List.of() : members(path);
  }

  /** The members of the collection at a path, across pages, each read in full. */
  public List<JsonNode> members(String collectionPath) {
    List<JsonNode> out = new ArrayList<>();
    for (String member : memberLinks(collectionPath)) {
      read(member).ifPresent(out::add);
    }
    return out;
  }

  /** The member links of a collection across pages, without reading the members. */
  public List<String> memberLinks(String collectionPath) {
    Set<String> links = new LinkedHashSet<>();
    Set<String> pages = new HashSet<>();
    String page = collectionPath;
    while (page != null && pages.add(page) && pages.size() <= MAX_PAGES) {
      Optional<JsonNode> collection = read(page);
      if (collection.isEmpty()) {
        break;
      }
      for (JsonNode member : collection.get().path("Members")) {
        String link = link(member);
        if (link != null) {
          links.add(link);
        }
      }
      page = text(collection.get(), "Members@odata.nextLink");
    }
    return List.copyOf(links);
  }

  /** Records a problem that is not a failed request (for example an unexpected shape). */
  public void error(String message) {
    errors.add(message);
  }

  /** What could not be read so far, in order. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  /** The {@code @odata.id} of a link object, or null. */
  public static String link(JsonNode node) {
    return text(node, "@odata.id");
  }

  /**
   * A string property trimmed, or null when absent, null, not a scalar or blank: BMCs pad serials
   * with spaces and send empty strings for unknown models.
   */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** A numeric property, accepting numbers sent as strings; null when absent or not a number. */
  public static Double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isTextual()) {
      try {
        return Double.valueOf(value.asText().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** The {@code Reading} of a sensor excerpt property ({@code {"Reading": 42, ...}}), or null. */
  public static Double reading(JsonNode node, String field) {
    JsonNode excerpt = node == null ? null : node.get(field);
    if (excerpt == null) {
      return null;
    }
    return excerpt.isObject() ? number(excerpt, "Reading") : number(node, field);
  }
}
