package io.plumbline.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.ObservedSystem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Round trips through the serdes with the in-memory registry of {@code mock://}. */
class MockRegistryRoundTripTest {

  private final String scope = "roundtrip-" + UUID.randomUUID();
  private final Map<String, Object> config =
      new HashMap<>(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope));

  @AfterEach
  void dropScope() {
    SchemaRegistryClients.dropMockScope(scope);
  }

  @Test
  void specificRecordsSurviveARoundTrip() {
    assertThat(roundTrip("intent.devices", ModelRecords.intentDevice()))
        .isEqualTo(ModelRecords.intentDevice());
    assertThat(roundTrip("redfish.systems", ModelRecords.observedSystem()))
        .isEqualTo(ModelRecords.observedSystem());
    assertThat(roundTrip("discrepancies", ModelRecords.discrepancy()))
        .isEqualTo(ModelRecords.discrepancy());
  }

  @Test
  void keysAndValuesRegisterUnderTheirOwnSubjects() {
    SpecificAvroSerde<IntentDevice> keySerde = new SpecificAvroSerde<>();
    keySerde.configure(config, true);
    SpecificAvroSerde<IntentDevice> valueSerde = new SpecificAvroSerde<>();
    valueSerde.configure(config, false);
    keySerde.serializer().serialize("t", ModelRecords.intentDevice());
    valueSerde.serializer().serialize("t", ModelRecords.intentDevice());
    assertThat(client().getAllSubjects()).containsExactly("t-key", "t-value");
    // One schema, one global id, whatever the subject.
    assertThat(client().getLatestVersion("t-key").id())
        .isEqualTo(client().getLatestVersion("t-value").id());
  }

  @Test
  void tombstonesStayNull() {
    SpecificAvroSerde<IntentDevice> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void registeredSchemaLeavesOutJavaOnlyProperties() {
    serializer().serialize("t", ModelRecords.observedSystem());
    Schema registered = client().getLatestVersion("t-value").schema();
    assertThat(registered.toString()).doesNotContain("avro.java.string");
    assertThat(registered.getField("observedAt").schema().getLogicalType().getName())
        .isEqualTo("timestamp-millis");
  }

  @Test
  void javaPropertiesAreKeptWhenAskedTo() {
    config.put(AvroSerdeConfig.AVRO_REMOVE_JAVA_PROPERTIES, false);
    serializer().serialize("t", ModelRecords.observedSystem());
    assertThat(client().getLatestVersion("t-value").schema())
        .isEqualTo(ObservedSystem.getClassSchema());
  }

  @Test
  void recordNameStrategiesNameSubjectsAfterTheRecord() {
    config.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "RecordNameStrategy");
    config.put(AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy");
    SpecificAvroSerde<Discrepancy> value = new SpecificAvroSerde<>();
    value.configure(config, false);
    SpecificAvroSerde<Discrepancy> key = new SpecificAvroSerde<>();
    key.configure(config, true);
    value.serializer().serialize("discrepancies", ModelRecords.discrepancy());
    key.serializer().serialize("discrepancies", ModelRecords.discrepancy());
    assertThat(client().getAllSubjects())
        .containsExactly(
            "discrepancies-io.plumbline.avro.v1.Discrepancy", "io.plumbline.avro.v1.Discrepancy");
  }

  @Test
  void genericRecordsSurviveARoundTrip() {
    GenericAvroSerde serde = new GenericAvroSerde();
    serde.configure(config, false);
    GenericRecord device = genericDevice(IntentDevice.getClassSchema());

    GenericRecord read =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", device));

    assertThat(read.get("id")).isEqualTo(new Utf8("4711"));
    assertThat(read.get("installDeadline"))
        .isEqualTo(ModelRecords.intentDevice().getInstallDeadline().toEpochMilli());
    assertThat(GenericData.get().toString(read)).isEqualTo(GenericData.get().toString(device));
  }

  @Test
  void genericWrittenRecordsReadAsGeneratedClasses() {
    GenericAvroSerializer writer = new GenericAvroSerializer();
    writer.configure(config, false);
    byte[] bytes = writer.serialize("t", genericDevice(IntentDevice.getClassSchema()));

    assertThat(deserializer().deserialize("t", bytes)).isEqualTo(ModelRecords.intentDevice());
  }

  @Test
  void anOlderWriterVersionReadsWithDefaultsForTheNewFields() {
    Schema v1 = withoutFields(IntentDevice.getClassSchema(), "installDeadline", "url");
    GenericAvroSerializer writer = new GenericAvroSerializer();
    writer.configure(config, false);
    byte[] bytes = writer.serialize("t", genericDevice(v1));

    IntentDevice read = (IntentDevice) deserializer().deserialize("t", bytes);

    assertThat(read.getName()).isEqualTo("dgx-r14-u10");
    assertThat(read.getInstallDeadline()).isNull();
    assertThat(read.getUrl()).isNull();
  }

  @Test
  void aNewerWriterVersionReadsWithTheUnknownFieldSkipped() {
    Schema v3 = withExtraOptionalField(IntentDevice.getClassSchema(), "tenant");
    GenericRecord device = genericDevice(v3);
    device.put("tenant", "team-a");
    GenericAvroSerializer writer = new GenericAvroSerializer();
    writer.configure(config, false);

    IntentDevice read =
        (IntentDevice) deserializer().deserialize("t", writer.serialize("t", device));

    assertThat(read).isEqualTo(ModelRecords.intentDevice());
  }

  @Test
  void aGenericReaderSchemaProjectsEveryVersion() {
    Schema v1 = withoutFields(IntentDevice.getClassSchema(), "installDeadline", "url");
    byte[] bytes = serializer().serialize("t", ModelRecords.intentDevice());
    GenericAvroDeserializer old = new GenericAvroDeserializer(v1);
    old.configure(config, false);

    GenericRecord read = old.deserialize("t", bytes);

    assertThat(read.getSchema()).isEqualTo(v1);
    assertThat(read.get("name")).hasToString("dgx-r14-u10");
  }

  @Test
  void magicByteOneIsRecognisedAsTheGuidFraming() {
    assertThatThrownBy(() -> deserializer().deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("schema-GUID");
  }

  @Test
  void anIncompatibleChangeIsRefused() {
    GenericAvroSerializer writer = new GenericAvroSerializer();
    writer.configure(config, false);
    writer.serialize("t", genericDevice(IntentDevice.getClassSchema()));
    Schema breaking = withExtraRequiredField(IntentDevice.getClassSchema(), "tenant");
    GenericRecord device = genericDevice(breaking);
    device.put("tenant", "team-a");

    assertThatThrownBy(() -> writer.serialize("t", device))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("'t-value'")
        .hasMessageContaining("tenant");
  }

  @Test
  void aConfiguredReaderTypeReadsWhateverTheWriterCalledIt() {
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, IntentDevice.class);
    byte[] bytes = serializer().serialize("t", ModelRecords.intentDevice());
    SpecificAvroDeserializer<IntentDevice> typed = new SpecificAvroDeserializer<>();
    typed.configure(config, false);
    assertThat(typed.deserialize("t", bytes)).isEqualTo(ModelRecords.intentDevice());
  }

  @Test
  void unregisteredSchemaWithoutAutoRegisterSaysWhatToDo() {
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    assertThatThrownBy(() -> serializer().serialize("t", ModelRecords.intentDevice()))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining("'t-value'")
        .hasMessageContaining("io.plumbline.avro.v1.IntentDevice")
        .hasMessageContaining("auto.register.schemas=false");
  }

  @Test
  void lookupWithoutAutoRegisterFindsARegisteredSchema() {
    int id =
        client().register("t-value", JavaSchemaProperties.strip(IntentDevice.getClassSchema()));
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    byte[] bytes = serializer().serialize("t", ModelRecords.intentDevice());
    assertThat(WireFormat.readSchemaId("t", bytes)).isEqualTo(id);
  }

  @Test
  void lookupAlsoFindsASchemaRegisteredWithJavaProperties() {
    int id = client().register("t-value", IntentDevice.getClassSchema());
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    byte[] bytes = serializer().serialize("t", ModelRecords.intentDevice());
    assertThat(WireFormat.readSchemaId("t", bytes)).isEqualTo(id);
  }

  @Test
  void latestVersionConvertsTheRecordToIt() {
    Schema latest = withExtraOptionalField(IntentDevice.getClassSchema(), "tenant");
    int latestId = client().register("t-value", latest);
    config.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    config.put(AvroSerdeConfig.USE_LATEST_VERSION, true);

    byte[] bytes = serializer().serialize("t", ModelRecords.intentDevice());

    assertThat(WireFormat.readSchemaId("t", bytes)).isEqualTo(latestId);
    GenericAvroDeserializer generic = new GenericAvroDeserializer();
    generic.configure(config, false);
    GenericRecord read = generic.deserialize("t", bytes);
    assertThat(read.getSchema()).isEqualTo(latest);
    assertThat(read.get("tenant")).isNull();
    assertThat(read.get("name")).hasToString("dgx-r14-u10");
    assertThat(deserializer().deserialize("t", bytes)).isEqualTo(ModelRecords.intentDevice());
  }

  @Test
  void unknownSchemaIdNamesTheIdAndTheRegistry() {
    byte[] bytes = serializer().serialize("t", ModelRecords.intentDevice());
    bytes[4] = 99;
    assertThatThrownBy(() -> deserializer().deserialize("t", bytes))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("Schema id 99")
        .hasMessageContaining("mock://" + scope);
  }

  @Test
  void recordsThatAreNotInTheWireFormatAreRejected() {
    assertThatThrownBy(() -> deserializer().deserialize("raw.topic", new byte[] {1, 0, 0, 0, 1, 2}))
        .isInstanceOf(UnknownMagicByteException.class)
        .hasMessageContaining("0x01")
        .hasMessageContaining("'raw.topic'");
  }

  @Test
  void truncatedBodyIsASerializationErrorNamingTopicAndId() {
    byte[] bytes = serializer().serialize("t", ModelRecords.observedSystem());
    byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length / 2);
    assertThatThrownBy(() -> deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("topic 't'")
        .hasMessageContaining("schema id 1");
  }

  @Test
  void invalidRecordIsASerializationErrorNamingTheTopic() {
    IntentDevice broken = ModelRecords.intentDevice();
    broken.setName(null);
    assertThatThrownBy(() -> serializer().serialize("t", broken))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("io.plumbline.avro.v1.IntentDevice value")
        .hasMessageContaining("topic 't'");
  }

  @Test
  void specificDeserializerRefusesGenericMode() {
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
    assertThatThrownBy(() -> new SpecificAvroDeserializer<IntentDevice>().configure(config, false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AvroSerdeConfig.SPECIFIC_AVRO_READER);
  }

  @Test
  void unconfiguredSerdeSaysSo() {
    assertThatThrownBy(
            () ->
                new SpecificAvroSerializer<IntentDevice>()
                    .serialize("t", ModelRecords.intentDevice()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("configure()");
  }

  @Test
  void anInjectedClientIsUsedInsteadOfTheConfiguredOne() {
    InMemorySchemaRegistryClient injected = new InMemorySchemaRegistryClient("injected");
    SpecificAvroSerde<IntentDevice> serde = new SpecificAvroSerde<>(injected);
    serde.configure(config, false);
    byte[] bytes = serde.serializer().serialize("t", ModelRecords.intentDevice());
    assertThat(injected.getAllSubjects()).containsExactly("t-value");
    assertThat(client().getAllSubjects()).isEmpty();
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(ModelRecords.intentDevice());
  }

  private <T extends SpecificRecord> T roundTrip(String topic, T record) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(config, false);
    return serde.deserializer().deserialize(topic, serde.serializer().serialize(topic, record));
  }

  private SpecificAvroSerializer<SpecificRecord> serializer() {
    SpecificAvroSerializer<SpecificRecord> serializer = new SpecificAvroSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private SpecificAvroDeserializer<SpecificRecord> deserializer() {
    SpecificAvroDeserializer<SpecificRecord> deserializer = new SpecificAvroDeserializer<>();
    deserializer.configure(config, false);
    return deserializer;
  }

  private SchemaRegistryClient client() {
    return SchemaRegistryClients.forConfig(AvroSerdeConfig.parse(config));
  }

  /** The record of {@link ModelRecords#intentDevice()} as a GenericRecord of {@code schema}. */
  private static GenericRecord genericDevice(Schema schema) {
    IntentDevice device = ModelRecords.intentDevice();
    GenericRecord record = new GenericData.Record(schema);
    for (Schema.Field field : schema.getFields()) {
      if (IntentDevice.getClassSchema().getField(field.name()) != null) {
        Object value = device.get(field.name());
        record.put(
            field.name(), value instanceof java.time.Instant i ? (Object) i.toEpochMilli() : value);
      }
    }
    return record;
  }

  private static Schema withoutFields(Schema schema, String... names) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!List.of(names).contains(field.name())) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return record(schema, fields);
  }

  private static Schema withExtraOptionalField(Schema schema, String name) {
    List<Schema.Field> fields = copyFields(schema);
    Schema optionalString =
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
    fields.add(new Schema.Field(name, optionalString, null, JsonProperties.NULL_VALUE));
    return record(schema, fields);
  }

  private static Schema withExtraRequiredField(Schema schema, String name) {
    List<Schema.Field> fields = copyFields(schema);
    fields.add(new Schema.Field(name, Schema.create(Schema.Type.STRING)));
    return record(schema, fields);
  }

  private static List<Schema.Field> copyFields(Schema schema) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    return fields;
  }

  private static Schema record(Schema like, List<Schema.Field> fields) {
    return Schema.createRecord(like.getName(), like.getDoc(), like.getNamespace(), false, fields);
  }
}
