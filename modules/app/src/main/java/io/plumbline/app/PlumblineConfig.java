package io.plumbline.app;

import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.validation.ValidationPolicy;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.HostInfo;

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
  public static final String ROCKSDB_MEMORY_MIB = "rocksdb.memory.mib";

  /** Prefix of Kafka client settings shared by every client: producer, consumer, admin, Streams. */
  public static final String KAFKA_PREFIX = "kafka.";

  /** Suffix naming a file that holds a secret setting's value: {@code <secret>.file=PATH}. */
  public static final String FILE_SUFFIX = ".file";

  public static final String HTTP_HOST = "http.host";
  public static final String HTTP_PORT = "http.port";
  public static final String HTTP_AUTH_TOKEN = "http.auth.token";
  public static final String HTTP_AUTH_TOKEN_FILE = "http.auth.token.file";
  public static final String HTTP_AUTH_READS = "http.auth.reads";
  public static final String APPLICATION_SERVER = "application.server";
  public static final String INGEST_METRICS_PORT = "ingest.metrics.port";
  public static final String VALIDATION_MAX_FUTURE_SKEW = ValidationPolicy.MAX_FUTURE_SKEW;

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
          new Setting(
              ROCKSDB_MEMORY_MIB,
              "256",
              "Off-heap memory in MiB for all RocksDB state stores together (block cache and"
                  + " memtables, shared)."),
          new Setting(
              VALIDATION_MAX_FUTURE_SKEW,
              "PT1H",
              "How far ahead of the reconciler's clock an event time may be (ISO-8601 duration);"
                  + " later records are dead-lettered as FAR_FUTURE_TIMESTAMP."),
          new Setting("auto.register.schemas", "true", "Register schemas on first write."),
          new Setting("use.latest.version", "false", "Write with the subject's latest schema."),
          new Setting(
              "basic.auth.credentials.source", "", "USER_INFO to send basic.auth.user.info."),
          new Setting("basic.auth.user.info", "", "user:password for the schema registry."),
          new Setting(
              HTTP_HOST, "0.0.0.0", "Address the HTTP API binds (0.0.0.0: every interface)."),
          new Setting(HTTP_PORT, "8080", "Port of the HTTP API; 0 picks a free one."),
          new Setting(
              INGEST_METRICS_PORT,
              "",
              "Port on http.host where an ingest command serves GET /metrics (Prometheus text:"
                  + " records read, published, rejected per source); empty: none."),
          new Setting(
              HTTP_AUTH_TOKEN,
              "",
              "Bearer token for the HTTP API; when set, POST/DELETE need it. Never logged."),
          new Setting(
              HTTP_AUTH_TOKEN_FILE, "", "File holding the bearer token (instead of the setting)."),
          new Setting(
              HTTP_AUTH_READS, "false", "true: reads (GET /api, /metrics) need the token too."),
          new Setting(
              APPLICATION_SERVER,
              "",
              "host:port other instances reach this one's HTTP API at; needed with several"
                  + " instances (port 0: the bound HTTP port)."));

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
    String memory = values.get(ROCKSDB_MEMORY_MIB);
    if (!memory.matches("[0-9]{1,7}") || Long.parseLong(memory) < 1) {
      throw new ConfigException(
          ROCKSDB_MEMORY_MIB, memory, "must be a whole number of MiB, at least 1");
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
    maxFutureSkew(values.get(VALIDATION_MAX_FUTURE_SKEW));
    validateHttp(values);
  }

  private static void validateHttp(Map<String, String> values) {
    if (values.getOrDefault(HTTP_HOST, "").isEmpty()) {
      throw new ConfigException(HTTP_HOST, "", "must name an address, e.g. 0.0.0.0 or 127.0.0.1");
    }
    port(HTTP_PORT, values.get(HTTP_PORT));
    String reads = values.get(HTTP_AUTH_READS);
    if (!List.of("true", "false").contains(reads)) {
      throw new ConfigException(HTTP_AUTH_READS, reads, "must be true or false");
    }
    boolean inline = !values.getOrDefault(HTTP_AUTH_TOKEN, "").isEmpty();
    String file = values.getOrDefault(HTTP_AUTH_TOKEN_FILE, "");
    if (inline && !file.isEmpty()) {
      throw new ConfigException(
          HTTP_AUTH_TOKEN_FILE,
          file,
          "set either http.auth.token or http.auth.token.file, not both");
    }
    if (!file.isEmpty()) {
      readToken(file);
    }
    if (reads.equals("true") && !inline && file.isEmpty()) {
      throw new ConfigException(
          HTTP_AUTH_READS, reads, "needs http.auth.token or http.auth.token.file");
    }
    String metricsPort = values.getOrDefault(INGEST_METRICS_PORT, "");
    if (!metricsPort.isEmpty()) {
      port(INGEST_METRICS_PORT, metricsPort);
    }
    String server = values.getOrDefault(APPLICATION_SERVER, "");
    if (!server.isEmpty()) {
      int colon = server.lastIndexOf(':');
      if (colon <= 0) {
        throw new ConfigException(APPLICATION_SERVER, server, "must be host:port");
      }
      port(APPLICATION_SERVER, server.substring(colon + 1));
    }
  }

  private static Duration maxFutureSkew(String value) {
    try {
      Duration skew = Duration.parse(value);
      if (skew.isNegative()) {
        throw new ConfigException(VALIDATION_MAX_FUTURE_SKEW, value, "must not be negative");
      }
      return skew;
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          VALIDATION_MAX_FUTURE_SKEW, value, "must be an ISO-8601 duration such as PT1H or PT30M");
    }
  }

  private static int port(String name, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65_535) {
        throw new ConfigException(name, value, "port must be between 0 and 65535");
      }
      return port;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, value, "port must be a number");
    }
  }

  /** The token file's content, trimmed; its value never appears in messages. */
  private static String readToken(String file) {
    try {
      String token = Files.readString(Path.of(file)).trim();
      if (token.isEmpty()) {
        throw new ConfigException(HTTP_AUTH_TOKEN_FILE, file, "file is empty");
      }
      return token;
    } catch (IOException e) {
      throw new ConfigException(HTTP_AUTH_TOKEN_FILE, file, "cannot be read: " + e.getMessage());
    }
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

  /** The off-heap budget of all RocksDB state stores together, in bytes. */
  public long rocksDbMemoryBytes() {
    return Long.parseLong(values.get(ROCKSDB_MEMORY_MIB)) * 1024 * 1024;
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

  public String httpHost() {
    return values.get(HTTP_HOST);
  }

  public int httpPort() {
    return port(HTTP_PORT, values.get(HTTP_PORT));
  }

  /** The bearer token from the setting or its file, or null when none is configured. */
  public String httpAuthToken() {
    String inline = values.getOrDefault(HTTP_AUTH_TOKEN, "");
    if (!inline.isEmpty()) {
      return inline;
    }
    String file = values.getOrDefault(HTTP_AUTH_TOKEN_FILE, "");
    return file.isEmpty() ? null : readToken(file);
  }

  /** The port an ingest command serves its metrics on, or empty when it serves none. */
  public OptionalInt ingestMetricsPort() {
    String value = values.getOrDefault(INGEST_METRICS_PORT, "");
    return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(port(INGEST_METRICS_PORT, value));
  }

  public boolean httpAuthReads() {
    return Boolean.parseBoolean(values.get(HTTP_AUTH_READS));
  }

  /**
   * This instance's advertised {@code host:port} for interactive queries, with port 0 replaced by
   * the port the HTTP API actually bound; null when the setting is empty (a single instance).
   */
  public HostInfo applicationServer(int boundHttpPort) {
    String server = values.getOrDefault(APPLICATION_SERVER, "");
    if (server.isEmpty()) {
      return null;
    }
    int colon = server.lastIndexOf(':');
    int port = port(APPLICATION_SERVER, server.substring(colon + 1));
    return new HostInfo(server.substring(0, colon), port == 0 ? boundHttpPort : port);
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
    return new TopologyConfig(
        topics(),
        registrySettings(),
        new ValidationPolicy(maxFutureSkew(values.get(VALIDATION_MAX_FUTURE_SKEW))));
  }
}
