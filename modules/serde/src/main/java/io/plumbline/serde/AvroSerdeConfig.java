package io.plumbline.serde;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The settings of the Avro serdes and their registry client, parsed once from the map Kafka hands
 * to {@code configure}. Key names are Confluent's, so an existing Confluent serde configuration
 * works unchanged; the {@code schema.registry.request.timeout.ms}, {@code schema.registry.retries}
 * and {@code schema.registry.retry.backoff.ms} keys are Plumbline's own. Keys this class does not
 * know are ignored (Kafka Streams passes its whole configuration to serdes).
 *
 * <p>Immutable. {@link #parse} throws {@link ConfigException} naming the key of the first bad
 * value, so a wrong setting stops start-up instead of failing on the first record.
 */
public final class AvroSerdeConfig {

  /** Comma-separated registry base URLs, tried in turn on connection failure; or mock://scope. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Whether serializers register a record's schema that the subject does not hold yet. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** Whether serializers write with the subject's latest version instead of the record's schema. */
  public static final String USE_LATEST_VERSION = "use.latest.version";

  /** Subject name strategy for record keys. */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  /** Subject name strategy for record values. */
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  /** Whether deserializers produce generated classes; the specific serde requires true. */
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  /** Generated class that record keys are read into, whatever the writer's record name. */
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

  /** Generated class that record values are read into, whatever the writer's record name. */
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

  /**
   * Whether Java-only schema properties ({@code avro.java.string}) are left out of the registry.
   */
  public static final String AVRO_REMOVE_JAVA_PROPERTIES = "avro.remove.java.properties";

  /** Where registry credentials come from: {@code USER_INFO} or {@code URL}. */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

  /** Registry credentials as {@code user:password}, with {@code USER_INFO}. */
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

  /** Trust store for HTTPS registries whose certificate the JVM's default trust store rejects. */
  public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";

  /** Password of the trust store. */
  public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";

  /** Type of the trust store: JKS or PKCS12. */
  public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

  /** Timeout of one registry request, connection included. */
  public static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  /** Retries of a failed registry request, after the first attempt. */
  public static final String RETRIES = "schema.registry.retries";

  /** Backoff before the first retry; doubled for each further retry. */
  public static final String RETRY_BACKOFF_MS = "schema.registry.retry.backoff.ms";

  static final String MOCK_SCHEME = "mock://";

  private static final String SOURCE_USER_INFO = "USER_INFO";
  private static final String SOURCE_URL = "URL";

  private static final ConfigDef CONFIG_DEF =
      new ConfigDef()
          .define(
              SCHEMA_REGISTRY_URL,
              Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              Importance.HIGH,
              "Comma-separated base URLs of the schema registry (e.g."
                  + " http://registry:8081,http://registry-2:8081), tried in turn when one cannot be"
                  + " reached; mock://<scope> for an in-memory registry shared per scope, for tests.")
          .define(
              AUTO_REGISTER_SCHEMAS,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Register a record's schema under its subject when it is not there yet. With false,"
                  + " writing a record whose schema was not registered beforehand fails.")
          .define(
              USE_LATEST_VERSION,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "Write records with the subject's latest registered version (the record is converted"
                  + " to it by Avro schema resolution). Needs auto.register.schemas=false.")
          .define(
              KEY_SUBJECT_NAME_STRATEGY,
              Type.STRING,
              SubjectNameStrategy.TOPIC_NAME.confluentName(),
              new StrategyValidator(),
              Importance.MEDIUM,
              "Subject of record keys: TopicNameStrategy, RecordNameStrategy or"
                  + " TopicRecordNameStrategy (Confluent's class names are accepted too).")
          .define(
              VALUE_SUBJECT_NAME_STRATEGY,
              Type.STRING,
              SubjectNameStrategy.TOPIC_NAME.confluentName(),
              new StrategyValidator(),
              Importance.MEDIUM,
              "Subject of record values: TopicNameStrategy, RecordNameStrategy or"
                  + " TopicRecordNameStrategy (Confluent's class names are accepted too).")
          .define(
              SPECIFIC_AVRO_READER,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Deserialize into generated classes. The specific deserializer only supports true;"
                  + " the generic one always produces GenericRecord.")
          .define(
              SPECIFIC_AVRO_KEY_TYPE,
              Type.CLASS,
              null,
              Importance.LOW,
              "Generated class that keys are read into (the reader schema); by default the class"
                  + " named like the writer's record.")
          .define(
              SPECIFIC_AVRO_VALUE_TYPE,
              Type.CLASS,
              null,
              Importance.LOW,
              "Generated class that values are read into (the reader schema); by default the class"
                  + " named like the writer's record.")
          .define(
              AVRO_REMOVE_JAVA_PROPERTIES,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Leave the Java-only avro.java.string property out of registered schemas, so the"
                  + " registry holds the contract as written in schemas/ and clients in other"
                  + " languages registering that contract get the same id. Confluent's default is"
                  + " false.")
          .define(
              BASIC_AUTH_CREDENTIALS_SOURCE,
              Type.STRING,
              null,
              Importance.MEDIUM,
              "USER_INFO (credentials from basic.auth.user.info) or URL (from the user info of"
                  + " each URL). Defaults to USER_INFO when basic.auth.user.info is set, else URL.")
          .define(
              BASIC_AUTH_USER_INFO,
              Type.PASSWORD,
              null,
              Importance.MEDIUM,
              "Registry credentials as user:password.")
          .define(
              SSL_TRUSTSTORE_LOCATION,
              Type.STRING,
              null,
              Importance.LOW,
              "Trust store file for HTTPS registries; the JVM's default trust store otherwise.")
          .define(
              SSL_TRUSTSTORE_PASSWORD,
              Type.PASSWORD,
              null,
              Importance.LOW,
              "Password of the trust store.")
          .define(
              SSL_TRUSTSTORE_TYPE,
              Type.STRING,
              "JKS",
              ConfigDef.CaseInsensitiveValidString.in("JKS", "PKCS12"),
              Importance.LOW,
              "Type of the trust store.")
          .define(
              REQUEST_TIMEOUT_MS,
              Type.INT,
              10_000,
              Range.atLeast(1),
              Importance.LOW,
              "Timeout of one registry request, connecting included, in milliseconds.")
          .define(
              RETRIES,
              Type.INT,
              3,
              Range.atLeast(0),
              Importance.LOW,
              "Retries of a registry request that could not connect, timed out or got HTTP 5xx or"
                  + " 429, after the first attempt. HTTP 401 and 403 are never retried.")
          .define(
              RETRY_BACKOFF_MS,
              Type.INT,
              200,
              Range.atLeast(0),
              Importance.LOW,
              "Wait before the first retry, in milliseconds; doubled for each further retry, up to"
                  + " 10 seconds.");

  private final List<String> schemaRegistryUrls;
  private final boolean autoRegisterSchemas;
  private final boolean useLatestVersion;
  private final SubjectNameStrategy keySubjectNameStrategy;
  private final SubjectNameStrategy valueSubjectNameStrategy;
  private final boolean specificAvroReader;
  private final Optional<Class<? extends SpecificRecord>> specificAvroKeyType;
  private final Optional<Class<? extends SpecificRecord>> specificAvroValueType;
  private final boolean removeJavaProperties;
  private final Optional<RegistryConnection> connection;

  private AvroSerdeConfig(Map<String, Object> values) {
    schemaRegistryUrls = urls(values);
    autoRegisterSchemas = (Boolean) values.get(AUTO_REGISTER_SCHEMAS);
    useLatestVersion = (Boolean) values.get(USE_LATEST_VERSION);
    if (useLatestVersion && autoRegisterSchemas) {
      throw new ConfigException(
          USE_LATEST_VERSION,
          true,
          "writing with the latest registered version needs auto.register.schemas=false, else it"
              + " is unclear which of the two decides the schema");
    }
    keySubjectNameStrategy =
        SubjectNameStrategy.fromConfigValue((String) values.get(KEY_SUBJECT_NAME_STRATEGY));
    valueSubjectNameStrategy =
        SubjectNameStrategy.fromConfigValue((String) values.get(VALUE_SUBJECT_NAME_STRATEGY));
    specificAvroReader = (Boolean) values.get(SPECIFIC_AVRO_READER);
    specificAvroKeyType = specificType(values, SPECIFIC_AVRO_KEY_TYPE);
    specificAvroValueType = specificType(values, SPECIFIC_AVRO_VALUE_TYPE);
    removeJavaProperties = (Boolean) values.get(AVRO_REMOVE_JAVA_PROPERTIES);
    connection =
        isMockRegistry() ? Optional.empty() : Optional.of(connection(values, schemaRegistryUrls));
  }

  /**
   * Parses and validates serde settings.
   *
   * @throws ConfigException naming the key of the first missing or bad value
   */
  public static AvroSerdeConfig parse(Map<String, ?> configs) {
    Map<String, Object> raw = new HashMap<>(configs);
    // Accept the enum itself as well as its names, for code that builds configs in Java.
    for (String key : List.of(KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY)) {
      if (raw.get(key) instanceof SubjectNameStrategy strategy) {
        raw.put(key, strategy.confluentName());
      }
    }
    return new AvroSerdeConfig(CONFIG_DEF.parse(raw));
  }

  /** The definition of every key, with types, defaults and documentation. */
  public static ConfigDef configDef() {
    return new ConfigDef(CONFIG_DEF);
  }

  /** The registry URLs as configured (credentials in them included). */
  public List<String> schemaRegistryUrls() {
    return schemaRegistryUrls;
  }

  /** Whether the URL is {@code mock://<scope>}: an in-memory registry for tests. */
  public boolean isMockRegistry() {
    return schemaRegistryUrls.get(0).startsWith(MOCK_SCHEME);
  }

  /** The scope of a {@code mock://} registry; serdes configured with the same scope share it. */
  public Optional<String> mockScope() {
    return isMockRegistry()
        ? Optional.of(schemaRegistryUrls.get(0).substring(MOCK_SCHEME.length()))
        : Optional.empty();
  }

  /** See {@link #AUTO_REGISTER_SCHEMAS}; default true. */
  public boolean autoRegisterSchemas() {
    return autoRegisterSchemas;
  }

  /** See {@link #USE_LATEST_VERSION}; default false. */
  public boolean useLatestVersion() {
    return useLatestVersion;
  }

  /** The subject name strategy for keys or for values; default {@code TopicNameStrategy}. */
  public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
    return isKey ? keySubjectNameStrategy : valueSubjectNameStrategy;
  }

  /** See {@link #SPECIFIC_AVRO_READER}; default true. */
  public boolean specificAvroReader() {
    return specificAvroReader;
  }

  /** The configured reader class for keys or for values, if any. */
  public Optional<Class<? extends SpecificRecord>> specificAvroType(boolean isKey) {
    return isKey ? specificAvroKeyType : specificAvroValueType;
  }

  /** See {@link #AVRO_REMOVE_JAVA_PROPERTIES}; default true. */
  public boolean removeJavaProperties() {
    return removeJavaProperties;
  }

  /** The HTTP settings; empty for a {@code mock://} registry. */
  Optional<RegistryConnection> connection() {
    return connection;
  }

  @Override
  public String toString() {
    return "AvroSerdeConfig{registry="
        + connection.map(RegistryConnection::displayUrls).orElse(schemaRegistryUrls.get(0))
        + ", autoRegisterSchemas="
        + autoRegisterSchemas
        + ", useLatestVersion="
        + useLatestVersion
        + ", keySubjectNameStrategy="
        + keySubjectNameStrategy.confluentName()
        + ", valueSubjectNameStrategy="
        + valueSubjectNameStrategy.confluentName()
        + "}";
  }

  @SuppressWarnings("unchecked") // checked by isAssignableFrom just before
  private static Optional<Class<? extends SpecificRecord>> specificType(
      Map<String, Object> values, String key) {
    Class<?> type = (Class<?>) values.get(key);
    if (type == null) {
      return Optional.empty();
    }
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new ConfigException(
          key, type.getName(), "not a generated Avro class (it does not implement SpecificRecord)");
    }
    return Optional.of((Class<? extends SpecificRecord>) type);
  }

  private static List<String> urls(Map<String, Object> values) {
    @SuppressWarnings("unchecked") // ConfigDef returns List<String> for Type.LIST
    List<String> urls = (List<String>) values.get(SCHEMA_REGISTRY_URL);
    List<String> trimmed = urls.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    if (trimmed.isEmpty()) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, urls, "no registry URL given");
    }
    long mocks = trimmed.stream().filter(u -> u.startsWith(MOCK_SCHEME)).count();
    if (mocks > 0 && trimmed.size() > 1) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL, String.join(",", trimmed), "a mock:// URL must be the only one");
    }
    if (mocks == 1 && trimmed.get(0).length() == MOCK_SCHEME.length()) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL, trimmed.get(0), "a mock:// URL needs a scope name: mock://<scope>");
    }
    return trimmed;
  }

  private static RegistryConnection connection(Map<String, Object> values, List<String> urls) {
    Password userInfo = (Password) values.get(BASIC_AUTH_USER_INFO);
    String source = credentialsSource((String) values.get(BASIC_AUTH_CREDENTIALS_SOURCE), userInfo);
    Optional<String> configuredAuthorization = Optional.empty();
    if (source.equals(SOURCE_USER_INFO)) {
      if (userInfo == null || userInfo.value().isEmpty()) {
        throw new ConfigException(
            BASIC_AUTH_USER_INFO,
            null,
            "required when basic.auth.credentials.source=USER_INFO, as user:password");
      }
      configuredAuthorization = Optional.of(basicAuthorization(BASIC_AUTH_USER_INFO, userInfo));
    }
    List<RegistryConnection.Endpoint> endpoints = new ArrayList<>();
    for (String url : urls) {
      endpoints.add(endpoint(url, source, configuredAuthorization));
    }
    return new RegistryConnection(
        endpoints,
        trustStore(values),
        Duration.ofMillis((Integer) values.get(REQUEST_TIMEOUT_MS)),
        (Integer) values.get(RETRIES),
        Duration.ofMillis((Integer) values.get(RETRY_BACKOFF_MS)));
  }

  private static String credentialsSource(String configured, Password userInfo) {
    if (configured == null) {
      return userInfo != null ? SOURCE_USER_INFO : SOURCE_URL;
    }
    String source = configured.trim().toUpperCase(Locale.ROOT);
    if (!source.equals(SOURCE_USER_INFO) && !source.equals(SOURCE_URL)) {
      throw new ConfigException(
          BASIC_AUTH_CREDENTIALS_SOURCE, configured, "supported sources are USER_INFO and URL");
    }
    if (source.equals(SOURCE_URL) && userInfo != null) {
      throw new ConfigException(
          BASIC_AUTH_CREDENTIALS_SOURCE,
          configured,
          "basic.auth.user.info is set but would be ignored with source URL; use USER_INFO");
    }
    return source;
  }

  private static RegistryConnection.Endpoint endpoint(
      String url, String source, Optional<String> configuredAuthorization) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new ConfigException(SCHEMA_REGISTRY_URL, url, "not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ConfigException(
          SCHEMA_REGISTRY_URL,
          withoutUserInfo(uri, url),
          "expected http://host:port[/path], https://... or mock://<scope>");
    }
    Optional<String> authorization = configuredAuthorization;
    if (source.equals(SOURCE_URL) && uri.getRawUserInfo() != null) {
      String decoded = uri.getUserInfo();
      authorization = Optional.of(basicAuthorization(SCHEMA_REGISTRY_URL, new Password(decoded)));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    URI base = URI.create(scheme + "://" + uri.getRawAuthority().replaceFirst("^.*@", "") + path);
    return new RegistryConnection.Endpoint(base, authorization);
  }

  private static String withoutUserInfo(URI uri, String url) {
    return uri.getRawUserInfo() == null ? url : url.replace(uri.getRawUserInfo() + "@", "");
  }

  private static String basicAuthorization(String key, Password userInfo) {
    String value = userInfo.value();
    if (value.indexOf(':') < 1) {
      throw new ConfigException(key, "[hidden]", "credentials must be given as user:password");
    }
    return "Basic " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<RegistryConnection.TrustStore> trustStore(Map<String, Object> values) {
    String location = (String) values.get(SSL_TRUSTSTORE_LOCATION);
    Password password = (Password) values.get(SSL_TRUSTSTORE_PASSWORD);
    if (location == null || location.isBlank()) {
      if (password != null) {
        throw new ConfigException(
            SSL_TRUSTSTORE_LOCATION, null, "a trust store password is set but no trust store");
      }
      return Optional.empty();
    }
    if (!Files.isReadable(Path.of(location))) {
      throw new ConfigException(SSL_TRUSTSTORE_LOCATION, location, "no readable file there");
    }
    return Optional.of(
        new RegistryConnection.TrustStore(
            location,
            Optional.ofNullable(password).map(Password::value),
            ((String) values.get(SSL_TRUSTSTORE_TYPE)).toUpperCase(Locale.ROOT)));
  }

  /** Rejects an unknown strategy at parse time, with the accepted names in the message. */
  private static final class StrategyValidator implements ConfigDef.Validator {
    @Override
    public void ensureValid(String name, Object value) {
      if (value == null) {
        throw new ConfigException(name, null, "a subject name strategy is required");
      }
      try {
        SubjectNameStrategy.fromConfigValue((String) value);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, e.getMessage());
      }
    }

    @Override
    public String toString() {
      return "TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy";
    }
  }
}
