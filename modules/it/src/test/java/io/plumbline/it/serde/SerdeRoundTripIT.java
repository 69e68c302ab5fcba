package io.plumbline.it.serde;

import static io.plumbline.it.serde.SerdeSettings.settings;
import static io.plumbline.it.serde.SerdeSettings.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.GenericAvroSerde;
import io.plumbline.serde.SchemaNotRegisteredException;
import io.plumbline.serde.SchemaRegistryClient;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.SpecificAvroSerde;
import io.plumbline.serde.UnknownSchemaIdException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Records through the serdes as Kafka drives them (configure, then serialize and deserialize with
 * headers), against a real Apicurio registry.
 */
class SerdeRoundTripIT {

  private static ApicurioRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = SharedComponents.registry();
  }

  @Test
  void specificRecordsOfTheContractRoundTrip() {
    String topic = uniqueTopic("contract");
    assertThat(roundTrip(topic, ContractRecords.observedSystem("bmc-1")))
        .isEqualTo(ContractRecords.observedSystem("bmc-1"));
    String other = uniqueTopic("contract");
    assertThat(roundTrip(other, ContractRecords.intentDevice("4711")))
        .isEqualTo(ContractRecords.intentDevice("4711"));
    assertThat(roundTrip(uniqueTopic("contract"), ContractRecords.discrepancy("d-1")))
        .isEqualTo(ContractRecords.discrepancy("d-1"));
    assertThat(roundTrip(uniqueTopic("contract"), ContractRecords.powerReading("feed-7")))
        .isEqualTo(ContractRecords.powerReading("feed-7"));
  }

  enum Strategy {
    TOPIC("TopicNameStrategy", "%s-%s"),
    RECORD(
        "io.confluent.kafka.serializers.subject.RecordNameStrategy",
        "io.plumbline.avro.v1.Discrepancy"),
    TOPIC_RECORD("TopicRecordNameStrategy", "%s-io.plumbline.avro.v1.Discrepancy");

    final String configured;
    final String subjectPattern;

    Strategy(String configured, String subjectPattern) {
      this.configured = configured;
      this.subjectPattern = subjectPattern;
    }
  }

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void eachSubjectNameStrategyRegistersWhereConfluentWould(Strategy strategy) {
    String topic = uniqueTopic("strategy");
    Map<String, Object> settings =
        settings(
            registry,
            AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY,
            strategy.configured,
            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
            strategy.configured);
    for (boolean isKey : new boolean[] {true, false}) {
      SpecificAvroSerde<Discrepancy> serde = new SpecificAvroSerde<>();
      serde.configure(settings, isKey);
      Discrepancy discrepancy = ContractRecords.discrepancy("d-" + isKey);
      byte[] bytes = serde.serializer().serialize(topic, new RecordHeaders(), discrepancy);
      assertThat(serde.deserializer().deserialize(topic, new RecordHeaders(), bytes))
          .isEqualTo(discrepancy);

      String subject = String.format(strategy.subjectPattern, topic, isKey ? "key" : "value");
      assertThat(freshClient().getLatestVersion(subject).id()).isEqualTo(schemaId(bytes));
    }
  }

  @Test
  void genericRecordsRoundTripUnderTheSameSchemaIdAsSpecificOnes() {
    String topic = uniqueTopic("generic");
    SpecificAvroSerde<ObservedSystem> specific = new SpecificAvroSerde<>();
    specific.configure(settings(registry), false);
    GenericAvroSerde generic = new GenericAvroSerde();
    generic.configure(settings(registry), false);
    byte[] specificBytes =
        specific.serializer().serialize(topic, ContractRecords.observedSystem("bmc-g"));

    GenericRecord read = generic.deserializer().deserialize(topic, specificBytes);
    byte[] genericBytes = generic.serializer().serialize(topic, read);

    assertThat(read.get("bmcId")).isEqualTo(new Utf8("bmc-g"));
    assertThat(read.get("observedAt")).isEqualTo(ContractRecords.T0.toEpochMilli());
    // Same schema, same id; the bytes may differ only in the order of the firmware map's entries,
    // which the generic reader collects into a HashMap.
    assertThat(genericBytes)
        .hasSameSizeAs(specificBytes)
        .startsWith(Arrays.copyOf(specificBytes, 5));
    assertThat(specific.deserializer().deserialize(topic, genericBytes))
        .isEqualTo(ContractRecords.observedSystem("bmc-g"));
  }

  @Test
  void tombstonesPassThrough() {
    SpecificAvroSerde<IntentDevice> serde = new SpecificAvroSerde<>();
    serde.configure(settings(registry), false);
    assertThat(serde.serializer().serialize("intent.devices", null)).isNull();
    assertThat(serde.deserializer().deserialize("intent.devices", null)).isNull();
  }

  @Test
  void withoutAutoRegisterAnUnregisteredSchemaFailsClearly() {
    String topic = uniqueTopic("strict");
    SpecificAvroSerde<PowerReading> serde = new SpecificAvroSerde<>();
    serde.configure(settings(registry, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

    assertThatThrownBy(
            () -> serde.serializer().serialize(topic, ContractRecords.powerReading("feed-1")))
        .isInstanceOf(SchemaNotRegisteredException.class)
        .hasMessageContaining("'" + topic + "-value'")
        .hasMessageContaining("io.plumbline.avro.v1.PowerReading")
        .hasMessageContaining(registry.ccompatUrl())
        .hasMessageContaining("auto.register.schemas=false");
    assertThat(freshClient().getAllSubjects()).doesNotContain(topic + "-value");
  }

  @Test
  void withoutAutoRegisterAPreRegisteredSchemaIsFound() {
    String topic = uniqueTopic("preregistered");
    SpecificAvroSerde<PowerReading> registering = new SpecificAvroSerde<>();
    registering.configure(settings(registry), false);
    byte[] registered =
        registering.serializer().serialize(topic, ContractRecords.powerReading("a"));
    SpecificAvroSerde<PowerReading> strict = new SpecificAvroSerde<>();
    strict.configure(settings(registry, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

    byte[] looked = strict.serializer().serialize(topic, ContractRecords.powerReading("a"));

    assertThat(looked).isEqualTo(registered);
  }

  @Test
  void anUnknownSchemaIdNamesTheIdAndTheRegistry() {
    String topic = uniqueTopic("unknown-id");
    SpecificAvroSerde<IntentDevice> serde = new SpecificAvroSerde<>();
    serde.configure(settings(registry), false);
    byte[] bytes = serde.serializer().serialize(topic, ContractRecords.intentDevice("1"));
    ByteBuffer.wrap(bytes).putInt(1, 424_242);

    assertThatThrownBy(() -> serde.deserializer().deserialize(topic, bytes))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("Schema id 424242")
        .hasMessageContaining(registry.ccompatUrl());
  }

  private static <T extends SpecificRecord> T roundTrip(String topic, T record) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(settings(registry), false);
    byte[] bytes = serde.serializer().serialize(topic, new RecordHeaders(), record);
    assertThat(bytes[0]).isZero();
    return serde.deserializer().deserialize(topic, new RecordHeaders(), bytes);
  }

  private static int schemaId(byte[] bytes) {
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  private static SchemaRegistryClient freshClient() {
    return SchemaRegistryClients.createUnshared(AvroSerdeConfig.parse(settings(registry)));
  }
}
