package io.plumbline.serde;

import static io.plumbline.serde.AvroSerdeConfig.AUTO_REGISTER_SCHEMAS;
import static io.plumbline.serde.AvroSerdeConfig.BASIC_AUTH_CREDENTIALS_SOURCE;
import static io.plumbline.serde.AvroSerdeConfig.BASIC_AUTH_USER_INFO;
import static io.plumbline.serde.AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY;
import static io.plumbline.serde.AvroSerdeConfig.REQUEST_TIMEOUT_MS;
import static io.plumbline.serde.AvroSerdeConfig.RETRIES;
import static io.plumbline.serde.AvroSerdeConfig.RETRY_BACKOFF_MS;
import static io.plumbline.serde.AvroSerdeConfig.SCHEMA_REGISTRY_URL;
import static io.plumbline.serde.AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE;
import static io.plumbline.serde.AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION;
import static io.plumbline.serde.AvroSerdeConfig.USE_LATEST_VERSION;
import static io.plumbline.serde.AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.ObservedSystem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

  private static final String URL = "http://127.0.0.1:8081";

  @Test
  void defaultsMatchConfluentsWhereTheyOverlap() {
    AvroSerdeConfig config = AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, URL));
    assertThat(config.schemaRegistryUrls()).containsExactly(URL);
    assertThat(config.autoRegisterSchemas()).isTrue();
    assertThat(config.useLatestVersion()).isFalse();
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_NAME);
    assertThat(config.specificAvroReader()).isTrue();
    assertThat(config.specificAvroType(false)).isEmpty();
    assertThat(config.isMockRegistry()).isFalse();
    RegistryConnection connection = config.connection().orElseThrow();
    assertThat(connection.retries()).isEqualTo(3);
    assertThat(connection.retryBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(connection.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(connection.endpoints().get(0).authorization()).isEmpty();
    assertThat(connection.trustStore()).isEmpty();
  }

  @Test
  void missingUrlNamesTheKey() {
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SCHEMA_REGISTRY_URL);
  }

  @Test
  void acceptsCommaSeparatedUrlsAndLists() {
    AvroSerdeConfig fromString =
        AvroSerdeConfig.parse(
            Map.of(SCHEMA_REGISTRY_URL, " http://a:8081/ , https://b:8443/apis/ccompat/v7/"));
    AvroSerdeConfig fromList =
        AvroSerdeConfig.parse(
            Map.of(
                SCHEMA_REGISTRY_URL, List.of("http://a:8081/", "https://b:8443/apis/ccompat/v7/")));
    for (AvroSerdeConfig config : List.of(fromString, fromList)) {
      assertThat(config.connection().orElseThrow().endpoints())
          .extracting(e -> e.baseUri().toString())
          .containsExactly("http://a:8081", "https://b:8443/apis/ccompat/v7");
    }
    assertThat(fromString.connection()).isEqualTo(fromList.connection());
  }

  @Test
  void rejectsUrlsThatAreNotHttp() {
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, "localhost:8081")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SCHEMA_REGISTRY_URL)
        .hasMessageContaining("localhost:8081")
        .hasMessageContaining("http://host:port");
  }

  @Test
  void mockUrlNamesAScopeAndMustStandAlone() {
    AvroSerdeConfig mock = AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, "mock://unit"));
    assertThat(mock.isMockRegistry()).isTrue();
    assertThat(mock.mockScope()).contains("unit");
    assertThat(mock.connection()).isEmpty();
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, "mock://")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("scope");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, "mock://a," + URL)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be the only one");
  }

  @Test
  void badBooleanNamesTheKey() {
    assertThatThrownBy(() -> parse(AUTO_REGISTER_SCHEMAS, "yes"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AUTO_REGISTER_SCHEMAS)
        .hasMessageContaining("yes");
  }

  @Test
  void booleansAndNumbersMayBeStrings() {
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(
            Map.of(
                SCHEMA_REGISTRY_URL, URL,
                AUTO_REGISTER_SCHEMAS, "false",
                RETRIES, "5",
                RETRY_BACKOFF_MS, 50,
                REQUEST_TIMEOUT_MS, "2500"));
    assertThat(config.autoRegisterSchemas()).isFalse();
    RegistryConnection connection = config.connection().orElseThrow();
    assertThat(connection.retries()).isEqualTo(5);
    assertThat(connection.retryBackoff()).isEqualTo(Duration.ofMillis(50));
    assertThat(connection.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
  }

  @Test
  void negativeRetriesAndZeroTimeoutAreRejected() {
    assertThatThrownBy(() -> parse(RETRIES, -1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RETRIES);
    assertThatThrownBy(() -> parse(REQUEST_TIMEOUT_MS, 0))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(REQUEST_TIMEOUT_MS);
    assertThatThrownBy(() -> parse(RETRY_BACKOFF_MS, "soon"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(RETRY_BACKOFF_MS);
  }

  @Test
  void subjectStrategiesAcceptConfluentClassNamesAndTheEnum() {
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(
            Map.of(
                SCHEMA_REGISTRY_URL,
                URL,
                KEY_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy",
                VALUE_SUBJECT_NAME_STRATEGY,
                SubjectNameStrategy.TOPIC_RECORD_NAME));
    assertThat(config.subjectNameStrategy(true)).isEqualTo(SubjectNameStrategy.RECORD_NAME);
    assertThat(config.subjectNameStrategy(false)).isEqualTo(SubjectNameStrategy.TOPIC_RECORD_NAME);
  }

  @Test
  void unknownStrategyNamesTheKeyAndTheChoices() {
    assertThatThrownBy(() -> parse(VALUE_SUBJECT_NAME_STRATEGY, "com.example.Custom"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(VALUE_SUBJECT_NAME_STRATEGY)
        .hasMessageContaining("com.example.Custom")
        .hasMessageContaining("TopicRecordNameStrategy");
  }

  @Test
  void latestVersionWithAutoRegisterIsRejected() {
    assertThatThrownBy(() -> parse(USE_LATEST_VERSION, true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(USE_LATEST_VERSION)
        .hasMessageContaining("auto.register.schemas=false");
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(
            Map.of(
                SCHEMA_REGISTRY_URL, URL, USE_LATEST_VERSION, true, AUTO_REGISTER_SCHEMAS, false));
    assertThat(config.useLatestVersion()).isTrue();
  }

  @Test
  void userInfoBecomesABasicAuthorizationHeader() {
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(
            Map.of(
                SCHEMA_REGISTRY_URL,
                URL,
                BASIC_AUTH_CREDENTIALS_SOURCE,
                "USER_INFO",
                BASIC_AUTH_USER_INFO,
                "plumbline:s3cret"));
    assertThat(config.connection().orElseThrow().endpoints().get(0).authorization())
        .contains(basic("plumbline:s3cret"));
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void userInfoAloneImpliesTheUserInfoSource() {
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, URL, BASIC_AUTH_USER_INFO, "u:p"));
    assertThat(config.connection().orElseThrow().endpoints().get(0).authorization())
        .contains(basic("u:p"));
  }

  @Test
  void urlSourceTakesCredentialsFromTheUrlAndKeepsThemOutOfMessages() {
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(
            Map.of(
                SCHEMA_REGISTRY_URL,
                "http://plumbline:s%40cret@127.0.0.1:8081",
                BASIC_AUTH_CREDENTIALS_SOURCE,
                "URL"));
    RegistryConnection.Endpoint endpoint = config.connection().orElseThrow().endpoints().get(0);
    assertThat(endpoint.authorization()).contains(basic("plumbline:s@cret"));
    assertThat(endpoint.baseUri()).hasToString("http://127.0.0.1:8081");
    assertThat(config.toString()).doesNotContain("cret");
  }

  @Test
  void credentialSettingsThatContradictEachOtherAreRejected() {
    assertThatThrownBy(() -> parse(BASIC_AUTH_CREDENTIALS_SOURCE, "USER_INFO"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BASIC_AUTH_USER_INFO);
    assertThatThrownBy(() -> parse(BASIC_AUTH_USER_INFO, "no-colon"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BASIC_AUTH_USER_INFO)
        .hasMessageContaining("user:password")
        .hasMessageNotContaining("no-colon");
    assertThatThrownBy(() -> parse(BASIC_AUTH_CREDENTIALS_SOURCE, "SASL_INHERIT"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BASIC_AUTH_CREDENTIALS_SOURCE)
        .hasMessageContaining("USER_INFO and URL");
    Map<String, Object> both = new HashMap<>(Map.of(SCHEMA_REGISTRY_URL, URL));
    both.put(BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
    both.put(BASIC_AUTH_USER_INFO, "u:p");
    assertThatThrownBy(() -> AvroSerdeConfig.parse(both))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(BASIC_AUTH_CREDENTIALS_SOURCE)
        .hasMessageContaining("ignored");
  }

  @Test
  void missingTrustStoreNamesTheKey() {
    assertThatThrownBy(() -> parse(SSL_TRUSTSTORE_LOCATION, "/nonexistent/registry.jks"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SSL_TRUSTSTORE_LOCATION)
        .hasMessageContaining("/nonexistent/registry.jks");
  }

  @Test
  void specificTypeMustBeAGeneratedClass() {
    AvroSerdeConfig config = parse(SPECIFIC_AVRO_VALUE_TYPE, ObservedSystem.class.getName());
    assertThat(config.specificAvroType(false)).isEqualTo(Optional.of(ObservedSystem.class));
    assertThat(config.specificAvroType(true)).isEmpty();
    assertThatThrownBy(() -> parse(SPECIFIC_AVRO_VALUE_TYPE, String.class))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SPECIFIC_AVRO_VALUE_TYPE)
        .hasMessageContaining("SpecificRecord");
    assertThatThrownBy(() -> parse(SPECIFIC_AVRO_VALUE_TYPE, "io.plumbline.NoSuchClass"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(SPECIFIC_AVRO_VALUE_TYPE);
  }

  @Test
  void equalSettingsGiveEqualConnections() {
    assertThat(parse(RETRIES, 3).connection()).isEqualTo(parse(RETRIES, "3").connection());
    assertThat(parse(RETRIES, 3).connection()).isNotEqualTo(parse(RETRIES, 4).connection());
  }

  private static AvroSerdeConfig parse(String key, Object value) {
    return AvroSerdeConfig.parse(Map.of(SCHEMA_REGISTRY_URL, URL, key, value));
  }

  private static String basic(String userInfo) {
    return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
  }
}
