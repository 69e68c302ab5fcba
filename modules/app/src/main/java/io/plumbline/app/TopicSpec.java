package io.plumbline.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.plumbline.topology.PlumblineTopics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The declared layout of every Plumbline topic, read from a YAML file under {@code ops/topics/}:
 * per topic role (the {@code topic.<role>} settings rename the topics, not the roles), its
 * partitions, replication factor and topic configs, over shared defaults.
 *
 * <pre>
 * defaults:
 *   partitions: 12
 *   replication.factor: 3
 *   configs: {min.insync.replicas: "2"}
 * topics:
 *   intent.sites: {configs: {cleanup.policy: compact}}
 * </pre>
 *
 * <p>Every role must be listed, every listed role must exist, and every topic the reconciler reads
 * as a table must be compacted: a spec that disagrees with the code is refused when loaded.
 */
public record TopicSpec(Map<String, TopicSettings> byRole) {

  /** The declared layout of one topic. */
  public record TopicSettings(
      int partitions, short replicationFactor, Map<String, String> configs) {

    public String cleanupPolicy() {
      return configs.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    }
  }

  private static final Set<String> POLICIES =
      Set.of(
          TopicConfig.CLEANUP_POLICY_COMPACT,
          TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE);

  /**
   * Reads and validates a spec file.
   *
   * @throws ConfigException naming the file and the offending entry
   */
  public static TopicSpec load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(
          "--topics", file.toString(), "topic spec cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("--topics", file.toString(), "topic spec is empty");
    }
    return parse(root, file.toString());
  }

  /** Reads a spec from YAML text; {@code origin} names it in error messages. */
  static TopicSpec parse(String yaml, String origin) {
    try {
      return parse(new ObjectMapper(new YAMLFactory()).readTree(yaml), origin);
    } catch (IOException e) {
      throw new ConfigException("--topics", origin, "topic spec cannot be read: " + e);
    }
  }

  private static TopicSpec parse(JsonNode root, String origin) {
    JsonNode defaults = root.path("defaults");
    JsonNode topics = root.path("topics");
    if (!topics.isObject()) {
      throw new ConfigException("--topics", origin, "needs a 'topics:' map of topic roles");
    }
    Map<String, String> known = PlumblineTopics.defaultNames();
    Map<String, TopicSettings> byRole = new LinkedHashMap<>();
    for (Iterator<String> roles = topics.fieldNames(); roles.hasNext(); ) {
      String role = roles.next();
      if (!known.containsKey(role)) {
        throw new ConfigException(
            "--topics",
            origin,
            "unknown topic role '"
                + role
                + "'"
                + SettingNames.closest(role, known.keySet())
                    .map(c -> " (did you mean " + c + "?)")
                    .orElse("")
                + "; known roles: "
                + new java.util.TreeSet<>(known.keySet()));
      }
      byRole.put(role, settings(role, topics.get(role), defaults, origin));
    }
    List<String> missing = new ArrayList<>(known.keySet());
    missing.removeAll(byRole.keySet());
    if (!missing.isEmpty()) {
      throw new ConfigException(
          "--topics",
          origin,
          "topic roles missing from the spec: " + new java.util.TreeSet<>(missing));
    }
    List<String> compacted = PlumblineTopics.defaultTopics().compacted();
    byRole.forEach(
        (role, settings) -> {
          boolean table = compacted.contains(known.get(role));
          boolean compacts = settings.cleanupPolicy().contains(TopicConfig.CLEANUP_POLICY_COMPACT);
          if (table && !compacts) {
            throw new ConfigException(
                "--topics",
                origin,
                "topic role " + role + " is read as a table and must have cleanup.policy: compact");
          }
        });
    return new TopicSpec(Map.copyOf(byRole));
  }

  private static TopicSettings settings(
      String role, JsonNode topic, JsonNode defaults, String origin) {
    int partitions = integer(topic, defaults, "partitions", role, origin);
    int replication = integer(topic, defaults, "replication.factor", role, origin);
    if (replication > Short.MAX_VALUE) {
      throw new ConfigException("--topics", origin, role + ": replication.factor is too large");
    }
    Map<String, String> configs = new TreeMap<>();
    putStrings(defaults.path("configs"), configs);
    putStrings(topic.path("configs"), configs);
    String policy = configs.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    if (policy == null || !POLICIES.contains(normalisePolicy(policy))) {
      throw new ConfigException(
          "--topics", origin, role + ": cleanup.policy must be compact, delete or compact,delete");
    }
    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, normalisePolicy(policy));
    for (Iterator<String> keys = topic.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!List.of("partitions", "replication.factor", "configs").contains(key)) {
        throw new ConfigException(
            "--topics",
            origin,
            role + ": unknown key '" + key + "' (partitions, replication.factor, configs)");
      }
    }
    return new TopicSettings(partitions, (short) replication, Map.copyOf(configs));
  }

  /** The cleanup policy with its parts in a canonical order, for comparison. */
  static String normalisePolicy(String policy) {
    return String.join(
        ",",
        java.util.Arrays.stream(policy.split(","))
            .map(String::trim)
            .filter(p -> !p.isEmpty())
            .sorted()
            .toList());
  }

  private static int integer(
      JsonNode topic, JsonNode defaults, String key, String role, String origin) {
    JsonNode value = topic.has(key) ? topic.get(key) : defaults.get(key);
    if (value == null || !value.canConvertToInt() || value.asInt() < 1) {
      throw new ConfigException(
          "--topics", origin, role + ": " + key + " must be a positive whole number");
    }
    return value.asInt();
  }

  private static void putStrings(JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      node.properties().forEach(e -> into.put(e.getKey(), e.getValue().asText()));
    }
  }
}
