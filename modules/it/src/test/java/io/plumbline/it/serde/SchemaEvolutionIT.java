package io.plumbline.it.serde;

import static io.plumbline.it.serde.SerdeSettings.settings;
import static io.plumbline.it.serde.SerdeSettings.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.GenericAvroDeserializer;
import io.plumbline.serde.GenericAvroSerializer;
import io.plumbline.serde.IncompatibleSchemaException;
import io.plumbline.serde.RegisteredSchema;
import io.plumbline.serde.SchemaRegistryClient;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution under the registry's BACKWARD rule: v1 of IntentDevice lacks the optional {@code
 * installDeadline} and {@code url} fields that v2 (the generated class) added. Data of either
 * version reads with the reader of the other; a breaking change is refused.
 */
class SchemaEvolutionIT {

  private static final Schema V2 = IntentDevice.getClassSchema();
  private static final Schema V1 = without(V2, List.of("installDeadline", "url"));

  private static ApicurioRegistry registry;

  private String topic;
  private Map<String, Object> settings;

  @BeforeAll
  static void startRegistry() {
    registry = SharedComponents.registry();
  }

  @BeforeEach
  void uniqueSubject() {
    topic = uniqueTopic("intent.devices");
    settings = settings(registry);
  }

  @Test
  void v1AndV2DataReadWithEitherReader() {
    byte[] writtenByV1 = writeV1(ContractRecords.intentDevice("1"));
    byte[] writtenByV2 = writeV2(ContractRecords.intentDevice("2"));

    RegisteredSchema latest = client().getLatestVersion(topic + "-value");
    assertThat(latest.version()).isEqualTo(2);
    assertThat(latest.id()).isEqualTo(schemaId(writtenByV2)).isNotEqualTo(schemaId(writtenByV1));

    // The v2 reader (the generated class): v1 data gets the defaults of the added fields.
    SpecificAvroDeserializer<IntentDevice> v2Reader =
        new SpecificAvroDeserializer<>(IntentDevice.class);
    v2Reader.configure(settings, false);
    IntentDevice oldAsNew = v2Reader.deserialize(topic, writtenByV1);
    assertThat(oldAsNew.getName()).isEqualTo("dgx-r14-u10");
    assertThat(oldAsNew.getInstallDeadline()).isNull();
    assertThat(oldAsNew.getUrl()).isNull();
    assertThat(v2Reader.deserialize(topic, writtenByV2))
        .isEqualTo(ContractRecords.intentDevice("2"));

    // A consumer still on v1: v2 data reads with the added fields skipped.
    GenericAvroDeserializer v1Reader = new GenericAvroDeserializer(V1);
    v1Reader.configure(settings, false);
    GenericRecord newAsOld = v1Reader.deserialize(topic, writtenByV2);
    assertThat(newAsOld.getSchema()).isEqualTo(V1);
    // V1 is derived from the generated class, whose avro.java.string makes strings String.
    assertThat(newAsOld.get("id")).hasToString("2");
    assertThat(newAsOld.get("serial")).hasToString("1234567890123");
    assertThat(v1Reader.deserialize(topic, writtenByV1).get("id")).hasToString("1");
  }

  @Test
  void registryRefusesABreakingChange() {
    writeV2(ContractRecords.intentDevice("1"));
    List<Schema.Field> fields = copy(V2);
    fields.add(
        new Schema.Field("tenant", Schema.create(Schema.Type.STRING), "required, no default"));
    Schema breaking = Schema.createRecord(V2.getName(), null, V2.getNamespace(), false, fields);
    GenericRecord record = new GenericData.Record(breaking);
    V1.getFields().forEach(f -> record.put(f.name(), f.name().equals("position") ? 1.0 : "x"));
    record.put("tenant", "team-a");
    GenericAvroSerializer serializer = new GenericAvroSerializer();
    serializer.configure(settings, false);

    assertThat(client().testCompatibility(topic + "-value", breaking)).isFalse();
    assertThatThrownBy(() -> serializer.serialize(topic, record))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("'" + topic + "-value'")
        .hasMessageContaining("incompatible")
        .hasMessageContaining(registry.ccompatUrl());
    assertThat(client().getLatestVersion(topic + "-value").version()).isEqualTo(1);
  }

  @Test
  void registryRefusesAChangedFieldType() {
    writeV2(ContractRecords.intentDevice("1"));
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : V2.getFields()) {
      fields.add(
          field.name().equals("name")
              ? new Schema.Field("name", Schema.create(Schema.Type.INT))
              : new Schema.Field(field, field.schema()));
    }
    Schema retyped = Schema.createRecord(V2.getName(), null, V2.getNamespace(), false, fields);

    assertThat(client().testCompatibility(topic + "-value", retyped)).isFalse();
    assertThatThrownBy(() -> client().register(topic + "-value", retyped))
        .isInstanceOf(IncompatibleSchemaException.class);
  }

  private byte[] writeV1(IntentDevice device) {
    GenericRecord v1 = new GenericData.Record(V1);
    for (Schema.Field field : V1.getFields()) {
      v1.put(field.name(), device.get(field.name()));
    }
    GenericAvroSerializer serializer = new GenericAvroSerializer();
    serializer.configure(settings, false);
    return serializer.serialize(topic, v1);
  }

  private byte[] writeV2(IntentDevice device) {
    SpecificAvroSerializer<IntentDevice> serializer = new SpecificAvroSerializer<>();
    serializer.configure(settings, false);
    return serializer.serialize(topic, device);
  }

  private static SchemaRegistryClient client() {
    return SchemaRegistryClients.createUnshared(AvroSerdeConfig.parse(settings(registry)));
  }

  private static int schemaId(byte[] bytes) {
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  private static Schema without(Schema schema, List<String> names) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!names.contains(field.name())) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static List<Schema.Field> copy(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    return fields;
  }
}
