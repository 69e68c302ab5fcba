package io.plumbline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.ObservedSystem;
import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP client against a stand-in registry on a loopback port: requests, caching, retries,
 * failover and the errors users see.
 */
class HttpRegistryClientTest {

  private static final Schema DEVICE = JavaSchemaProperties.strip(IntentDevice.getClassSchema());

  private final FakeRegistryServer server = FakeRegistryServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void speaksTheConfluentRestApi() {
    SchemaRegistryClient client = client(server.url());

    int id = client.register("devices-value", DEVICE);
    assertThat(client.getId("devices-value", DEVICE)).isEqualTo(id);
    assertThat(client.getSchemaById(id)).isEqualTo(DEVICE);
    assertThat(client.getLatestVersion("devices-value"))
        .isEqualTo(new RegisteredSchema("devices-value", id, 1, DEVICE));
    assertThat(client.testCompatibility("devices-value", DEVICE)).isTrue();
    assertThat(client.getAllSubjects()).containsExactly("devices-value");

    assertThat(server.requests())
        .containsExactly(
            "POST /subjects/devices-value/versions",
            "GET /subjects/devices-value/versions/latest",
            "POST /compatibility/subjects/devices-value/versions/latest",
            "GET /subjects");
  }

  @Test
  void serdesMakeNoRegistryCallPerRecordOnceWarm() {
    Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
    SpecificAvroSerializer<ObservedSystem> serializer = new SpecificAvroSerializer<>();
    serializer.configure(config, false);
    // A deserializer with its own client, as in another process: it must fetch the schema once.
    SpecificAvroDeserializer<ObservedSystem> deserializer =
        new SpecificAvroDeserializer<>(client(server.url(), Map.of(AvroSerdeConfig.RETRIES, 0)));
    deserializer.configure(config, false);

    for (int i = 0; i < 500; i++) {
      ObservedSystem system = ModelRecords.observedSystem();
      system.setBmcId("bmc-" + i);
      assertThat(deserializer.deserialize("systems", serializer.serialize("systems", system)))
          .isEqualTo(system);
    }

    assertThat(server.requests())
        .containsExactly("POST /subjects/systems-value/versions", "GET /schemas/ids/1");
  }

  @Test
  void cachedClientKeepsAnswersButNotFailures() {
    SchemaRegistryClient client = client(server.url(), Map.of(AvroSerdeConfig.RETRIES, 0));
    assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(UnknownSchemaIdException.class);
    server.registry().register("s", DEVICE);
    assertThat(client.getSchemaById(1)).isEqualTo(DEVICE);
    assertThat(client.getSchemaById(1)).isEqualTo(DEVICE);
    assertThat(client.getLatestVersion("s").id()).isEqualTo(1);
    assertThat(client.getLatestVersion("s").id()).isEqualTo(1);
    assertThat(server.paths())
        .containsExactly("/schemas/ids/1", "/schemas/ids/1", "/subjects/s/versions/latest");
  }

  @Test
  void transientFailuresAreRetried() {
    server.failNext(503, 2);
    SchemaRegistryClient client = client(server.url(), Map.of(AvroSerdeConfig.RETRIES, 2));

    assertThat(client.register("s", DEVICE)).isEqualTo(1);
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void unreachableRegistryFailsAfterTheRetriesNamingTheUrl() {
    String dead = FakeRegistryServer.deadUrl();
    SchemaRegistryClient client = client(dead, Map.of(AvroSerdeConfig.RETRIES, 2));

    assertThatThrownBy(() -> client.getSchemaById(7))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("unreachable at " + dead)
        .hasMessageContaining("failed 3 time(s)")
        .hasMessageContaining("could not connect")
        .hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void persistentServerErrorsFailAfterTheRetries() {
    server.failAlways(500);
    SchemaRegistryClient client = client(server.url(), Map.of(AvroSerdeConfig.RETRIES, 1));

    assertThatThrownBy(() -> client.register("s", DEVICE))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining(server.url());
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void aDeadUrlFailsOverToTheNextAndStaysThere() {
    String dead = FakeRegistryServer.deadUrl();
    SchemaRegistryClient client =
        client(dead + "," + server.url(), Map.of(AvroSerdeConfig.RETRIES, 0));

    assertThat(client.register("a", DEVICE)).isEqualTo(1);
    assertThat(client.getAllSubjects()).containsExactly("a");
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void refusedCredentialsAreNeverRetried() {
    server.failAlways(401);
    SchemaRegistryClient client =
        client(
            server.url(),
            Map.of(AvroSerdeConfig.RETRIES, 5, AvroSerdeConfig.BASIC_AUTH_USER_INFO, "ops:wrong"));

    assertThatThrownBy(() -> client.register("s", DEVICE))
        .isInstanceOf(RegistryAuthenticationException.class)
        .hasMessageContaining("refused the credentials")
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining(server.url())
        .hasMessageNotContaining("wrong");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void forbiddenIsAnAuthenticationErrorToo() {
    server.failAlways(403);
    SchemaRegistryClient client = client(server.url(), Map.of(AvroSerdeConfig.RETRIES, 5));

    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOfSatisfying(
            RegistryAuthenticationException.class, e -> assertThat(e.httpStatus()).isEqualTo(403))
        .hasMessageContaining("HTTP 403 Forbidden");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void credentialsAreSentAsBasicAuth() {
    client(server.url(), Map.of(AvroSerdeConfig.BASIC_AUTH_USER_INFO, "ops:s3cret"))
        .getAllSubjects();
    assertThat(server.authorizations()).containsExactly("Basic b3BzOnMzY3JldA==");
  }

  @Test
  void registryErrorsBecomeTheirExceptions() {
    SchemaRegistryClient client = client(server.url());
    assertThatThrownBy(() -> client.getSchemaById(42))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("Schema id 42")
        .hasMessageContaining(server.url());
    assertThatThrownBy(() -> client.getId("s", DEVICE))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining("'s'")
        .hasMessageContaining(server.url());
    assertThatThrownBy(() -> client.getLatestVersion("s"))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining("no versions");
    client.register("s", DEVICE);
    Schema breaking =
        Schema.createRecord(
            DEVICE.getName(),
            null,
            DEVICE.getNamespace(),
            false,
            List.of(new Schema.Field("only", Schema.create(Schema.Type.INT))));
    assertThat(client.testCompatibility("s", breaking)).isFalse();
    assertThatThrownBy(() -> client.register("s", breaking))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("incompatible")
        .hasMessageContaining("'s'");
  }

  @Test
  void subjectsAreEscapedInPaths() {
    SchemaRegistryClient client = client(server.url());
    client.register("odd subject/with slash", DEVICE);
    assertThat(server.registry().getAllSubjects()).containsExactly("odd subject/with slash");
  }

  @Test
  void equalConfigurationsShareOneClient() {
    AvroSerdeConfig config =
        AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()));
    AvroSerdeConfig same =
        AvroSerdeConfig.parse(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                server.url(),
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
                false));
    assertThat(SchemaRegistryClients.forConfig(config))
        .isSameAs(SchemaRegistryClients.forConfig(same));
  }

  private static SchemaRegistryClient client(String url) {
    return client(url, Map.of());
  }

  private static SchemaRegistryClient client(String url, Map<String, Object> settings) {
    Map<String, Object> config = new HashMap<>(settings);
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
    config.putIfAbsent(AvroSerdeConfig.RETRY_BACKOFF_MS, 1);
    RegistryConnection connection = AvroSerdeConfig.parse(config).connection().orElseThrow();
    // A fresh client per test, not the shared one, so request counts start at zero.
    return new CachingSchemaRegistryClient(
        new RestSchemaRegistryClient(new RegistryHttpTransport(connection)));
  }
}
