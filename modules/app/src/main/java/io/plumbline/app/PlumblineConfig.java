package io.plumbline.app;

import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Plumbline's settings, typed and validated once at start-up. Sources, later ones winning: the
 * properties file, then environment variables ({@code PLUMBLINE_SCHEMA_REGISTRY_URL} sets {@code
 * schema.registry.url}), then {@code --set key=value} flags. A missing or bad setting throws a
 * {@link ConfigException} that names it.
 *
 * <p>Settings under {@code kafka.} pass through to every Kafka client (producer, consumer, admin,
 * Streams), for example security settings; settings under {@code streams.} pass through to Kafka
 * Streams and its clients only and win over {@code kafka.}. A secret may be given as {@code
 * <name>.file=PATH} instead (see {@link SecretFiles}); secrets are masked in {@link #masked()}.
 * Registry settings use Confluent's names ({@code schema.registry.*}, {@code basic.auth.*}, {@code
 * auto.register.schemas}, {@code use.latest.version}).
 */
public final class PlumblineConfig {

  /** One documented setting. */
  public record Setting(String name, String defaultValue, String meaning) {}

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String APPLICATION_ID = "application.id";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String STATE_DIR = "state.dir";
  public static final String PROCESSING_GUARANTEE = "processing.guarantee";
  public static final String STREAMS_PREFIX = "streams.";

  /** Prefix of Kafka client settings shared by every client: producer, consumer, admin, Streams. */
  public static final String KAFKA_PREFIX = "kafka.";

  /** Suffix naming a file that holds a secret setting's value: {@code <secret>.file=PATH}. */
  public static final String FILE_SUFFIX = ".file";

  /** Every setting Plumbline knows, besides the pass-through prefixes. */
  public static final List<Setting> SETTINGS =
      List.of(
          new Setting(BOOTSTRAP_SERVERS, null, "Kafka bootstrap servers (required)."),
          new Setting(APPLICATION_ID, "plumbline", "Kafka Streams application id."),
          new Setting(SCHEMA_REGISTRY_URL, null, "Schema registry URL(s) (required)."),
          new Setting(
              STATE_DIR,
              Path.of(System.getProperty("java.io.tmpdir"), "plumbline-state").toString(),
              "Directory for RocksDB state stores."),
          new Setting(
              PROCESSING_GUARANTEE,
              "exactly_once_v2",
              "exactly_once_v2 or at_least_once; exactly-once unless you accept duplicates."),
          new Setting("auto.register.schemas", "true", "Register schemas on first write."),
          new Setting("use.latest.version", "false", "Write with the subject's latest schema."),
          new Setting(
              "basic.auth.credentials.source", "", "USER_INFO to send basic.auth.user.info."),
          new Setting("basic.auth.user.info", "", "user:password for the schema registry."));

  private static final List<String> PASS_THROUGH_PREFIXES =
      List.of(
          STREAMS_PREFIX, KAFKA_PREFIX, PlumblineTopics.PREFIX, "schema.registry.", "basic.auth.");

  private final Map<String, String> values;

  private PlumblineConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Builds and validates the configuration from the three sources. */
  public static PlumblineConfig load(
      Path file, Map<String, String> environment, Map<String, String> flags) {
    Map<String, String> merged = new TreeMap<>();
    SETTINGS.forEach(
        s -> {
          if (s.defaultValue() != null && !s.defaultValue().isEmpty()) {
            merged.put(s.name(), s.defaultValue());
          }
        });
    if (file != null) {
      merged.putAll(readFile(file));
    }
    merged.putAll(fromEnvironment(environment));
    merged.putAll(flags);
    return of(merged);
  }

  /** Validates an already merged map of settings (defaults applied for what is missing). */
  public static PlumblineConfig of(Map<String, String> settings) {
    Map<String, String> values = new TreeMap<>();
    SETTINGS.forEach(
        s -> {
          if (s.defaultValue() != null && !s.defaultValue().isEmpty()) {
            values.put(s.name(), s.defaultValue());
          }
        });
    SecretFiles.resolve(settings)
        .forEach((k, v) -> values.put(k.trim(), v == null ? "" : v.trim()));
    validate(values);
    return new PlumblineConfig(values);
  }

  private static void validate(Map<String, String> values) {
    for (String key : values.keySet()) {
      boolean known = SETTINGS.stream().anyMatch(s -> s.name().equals(key));
      boolean passThrough = PASS_THROUGH_PREFIXES.stream().anyMatch(key::startsWith);
      if (!known && !passThrough) {
        throw new ConfigException(SettingNames.unknownSettingMessage(key, knownNames()));
      }
      if (key.startsWith(KAFKA_PREFIX)) {
        SettingNames.checkKafkaClientSetting(key, key.substring(KAFKA_PREFIX.length()));
      }
    }
    for (String required : List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, APPLICATION_ID)) {
      if (values.getOrDefault(required, "").isEmpty()) {
        throw new ConfigException(required, null, "required setting is missing");
      }
    }
    String guarantee = values.get(PROCESSING_GUARANTEE);
    if (!List.of("exactly_once_v2", "at_least_once").contains(guarantee)) {
      throw new ConfigException(
          PROCESSING_GUARANTEE, guarantee, "must be exactly_once_v2 or at_least_once");
    }
    if (!values.get(APPLICATION_ID).matches("[a-zA-Z0-9._-]+")) {
      throw new ConfigException(
          APPLICATION_ID, values.get(APPLICATION_ID), "only letters, digits, '.', '_' and '-'");
    }
    for (String url : values.get(SCHEMA_REGISTRY_URL).split(",")) {
      String u = url.trim().toLowerCase(Locale.ROOT);
      if (!(u.startsWith("http://") || u.startsWith("https://") || u.startsWith("mock://"))) {
        throw new ConfigException(SCHEMA_REGISTRY_URL, url, "must be an http(s) URL");
      }
    }
    PlumblineTopics.from(values);
  }

  private static Map<String, String> readFile(Path file) {
    Properties props = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      props.load(reader);
    } catch (IOException e) {
      throw new ConfigException("config file", file.toString(), "cannot be read: " + e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    props.stringPropertyNames().forEach(k -> out.put(k, props.getProperty(k)));
    return out;
  }

  /** PLUMBLINE_SCHEMA_REGISTRY_URL becomes schema.registry.url; other variables are ignored. */
  static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> out = new LinkedHashMap<>();
    environment.forEach(
        (name, value) -> {
          if (name.startsWith("PLUMBLINE_") && !name.equals("PLUMBLINE_HOME")) {
            String key =
                name.substring("PLUMBLINE_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            out.put(key, value);
          }
        });
    return out;
  }

  /** Every exact setting name Plumbline knows (for suggestions on a typo). */
  static List<String> knownNames() {
    List<String> names = new java.util.ArrayList<>();
    SETTINGS.forEach(s -> names.add(s.name()));
    PlumblineTopics.defaultNames().keySet().forEach(r -> names.add(PlumblineTopics.PREFIX + r));
    return names;
  }

  /** Every setting with its value, secrets masked: safe to log or print. */
  public Map<String, String> masked() {
    Map<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, SecretFiles.isSecret(k) ? SecretFiles.MASK : v));
    return out;
  }

  @Override
  public String toString() {
    return "PlumblineConfig" + masked();
  }

  public String get(String name) {
    return values.get(name);
  }

  public String bootstrapServers() {
    return values.get(BOOTSTRAP_SERVERS);
  }

  public String applicationId() {
    return values.get(APPLICATION_ID);
  }

  /** The topic name for a role (such as {@code intent.sites}): its setting, else the default. */
  public String topicName(String role) {
    return values.getOrDefault(
        PlumblineTopics.PREFIX + role, PlumblineTopics.defaultNames().get(role));
  }

  public PlumblineTopics topics() {
    return PlumblineTopics.from(values);
  }

  /** The settings the Avro serdes and registry client read. */
  public Map<String, String> registrySettings() {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith("schema.registry.")
              || k.startsWith("basic.auth.")
              || k.equals("auto.register.schemas")
              || k.equals("use.latest.version")) {
            out.put(k, v);
          }
        });
    out.put(SCHEMA_REGISTRY_URL, values.get(SCHEMA_REGISTRY_URL));
    // Confluent's clients accept both names for the registry credentials.
    String alias = out.remove("schema.registry.basic.auth.user.info");
    if (alias != null) {
      out.putIfAbsent("basic.auth.user.info", alias);
    }
    return out;
  }

  /** Settings under {@code streams.} with the prefix removed. */
  public Map<String, String> streamsOverrides() {
    Map<String, String> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(STREAMS_PREFIX)) {
            out.put(k.substring(STREAMS_PREFIX.length()), v);
          }
        });
    return out;
  }

  /**
   * Settings under {@code kafka.} with the prefix removed: for every Kafka client Plumbline creates
   * (producer, consumer, admin, and Kafka Streams below its own {@code streams.} overrides).
   */
  public Map<String, Object> kafkaClientSettings() {
    Map<String, Object> out = new TreeMap<>();
    values.forEach(
        (k, v) -> {
          if (k.startsWith(KAFKA_PREFIX)) {
            out.put(k.substring(KAFKA_PREFIX.length()), v);
          }
        });
    return out;
  }

  /** Settings for an admin client: bootstrap servers and the shared {@code kafka.} settings. */
  public Map<String, Object> adminSettings() {
    Map<String, Object> out = new TreeMap<>(kafkaClientSettings());
    out.put("bootstrap.servers", bootstrapServers());
    return out;
  }

  public TopologyConfig topologyConfig() {
    return new TopologyConfig(topics(), registrySettings());
  }
}
