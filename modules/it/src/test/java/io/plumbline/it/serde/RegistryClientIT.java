package io.plumbline.it.serde;

import static io.plumbline.it.serde.SerdeSettings.settings;
import static io.plumbline.it.serde.SerdeSettings.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.RegisteredSchema;
import io.plumbline.serde.SchemaNotRegisteredException;
import io.plumbline.serde.SchemaRegistryClient;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.UnknownSchemaIdException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry client against a real Apicurio registry speaking the Confluent API. */
class RegistryClientIT {

  private static ApicurioRegistry registry;
  private static SchemaRegistryClient client;

  @BeforeAll
  static void startRegistry() {
    registry = SharedComponents.registry();
    client = SchemaRegistryClients.forConfig(AvroSerdeConfig.parse(settings(registry)));
  }

  @Test
  void registeringTwiceGivesTheSameId() {
    String subject = uniqueTopic("devices") + "-value";
    Schema schema = IntentDevice.getClassSchema();

    int id = client.register(subject, schema);

    assertThat(client.register(subject, schema)).isEqualTo(id);
    assertThat(uncachedClient().register(subject, schema)).isEqualTo(id);
    assertThat(uncachedClient().getId(subject, schema)).isEqualTo(id);
    assertThat(uncachedClient().getSchemaById(id)).isEqualTo(schema);
  }

  @Test
  void idsAreGlobalAcrossSubjects() {
    Schema schema = Discrepancy.getClassSchema();
    int first = client.register(uniqueTopic("a") + "-value", schema);
    int second = client.register(uniqueTopic("b") + "-value", schema);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void idsStayStableWhileOtherSchemasArrive() {
    String subject = uniqueTopic("stable") + "-value";
    Schema v1 = record("Stable", 1);
    int id = client.register(subject, v1);
    for (int i = 2; i <= 4; i++) {
      client.register(uniqueTopic("other") + "-value", record("Other" + i, i));
    }
    assertThat(uncachedClient().getSchemaById(id)).isEqualTo(v1);
    assertThat(uncachedClient().getId(subject, v1)).isEqualTo(id);
  }

  @Test
  void latestVersionFollowsRegistrations() {
    String subject = uniqueTopic("latest") + "-value";
    int v1 = client.register(subject, record("Evolving", 1));
    int v2 = client.register(subject, record("Evolving", 2));

    RegisteredSchema latest = uncachedClient().getLatestVersion(subject);

    assertThat(v2).isNotEqualTo(v1);
    assertThat(latest.id()).isEqualTo(v2);
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.subject()).isEqualTo(subject);
    assertThat(latest.schema()).isEqualTo(record("Evolving", 2));
  }

  @Test
  void compatibilityIsTestedWithoutRegistering() {
    String subject = uniqueTopic("compat") + "-value";
    assertThat(client.testCompatibility(subject, record("Compat", 1))).isTrue();
    client.register(subject, record("Compat", 1));
    assertThat(client.testCompatibility(subject, record("Compat", 2))).isTrue();
    Schema breaking =
        SchemaBuilder.record("Compat")
            .namespace("io.plumbline.it")
            .fields()
            .requiredInt("f0")
            .endRecord();
    assertThat(client.testCompatibility(subject, breaking)).isFalse();
    assertThat(uncachedClient().getLatestVersion(subject).version()).isEqualTo(1);
  }

  @Test
  void listsSubjects() {
    String subject = uniqueTopic("listed") + "-value";
    client.register(subject, record("Listed", 1));
    assertThat(client.getAllSubjects()).contains(subject);
  }

  @Test
  void unknownIdsAndSubjectsGiveClearErrors() {
    assertThatThrownBy(() -> client.getSchemaById(987_654))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("Schema id 987654")
        .hasMessageContaining(registry.ccompatUrl());
    String subject = uniqueTopic("missing") + "-value";
    assertThatThrownBy(() -> client.getId(subject, record("Missing", 1)))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining(subject)
        .hasMessageContaining(registry.ccompatUrl());
    assertThatThrownBy(() -> client.getLatestVersion(subject))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining(subject);
  }

  /** A client with its own empty cache: its answers come from the registry. */
  private static SchemaRegistryClient uncachedClient() {
    return SchemaRegistryClients.createUnshared(AvroSerdeConfig.parse(settings(registry)));
  }

  /** A record with {@code fields} optional string fields: each version adds one. */
  private static Schema record(String name, int fields) {
    SchemaBuilder.FieldAssembler<Schema> assembler =
        SchemaBuilder.record(name).namespace("io.plumbline.it").fields().requiredString("id");
    for (int i = 1; i < fields; i++) {
      assembler = assembler.optionalString("f" + i);
    }
    return assembler.endRecord();
  }
}
