package io.plumbline.it.serde;

import static io.plumbline.it.serde.SerdeSettings.settings;
import static io.plumbline.it.serde.SerdeSettings.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.SchemaNotRegisteredException;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Byte-level check against Confluent's official JavaScript client on one Apicurio registry: each
 * side reads what the other writes, and for the same record and schema id both write the same
 * bytes. The JavaScript side registers the contract as written in {@code schemas/*.avsc}, as a
 * producer in another language would; that it gets the id our serializer got shows that the schema
 * we register is the contract, not the generated class's variant of it.
 */
class ConfluentClientCrossCheckIT {

  private static ApicurioRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = SharedComponents.registry();
  }

  @Test
  void confluentReadsOurBytesAndWritesTheSameOnes() {
    List<SpecificRecord> records = contractRecords();
    List<String> topics = new ArrayList<>();
    List<byte[]> ours = new ArrayList<>();
    ConfluentJavaScriptClient confluent = new ConfluentJavaScriptClient(registry.ccompatUrl());
    for (SpecificRecord record : records) {
      String topic = uniqueTopic("crosscheck");
      byte[] bytes = serializer(settings(registry)).serialize(topic, record);
      topics.add(topic);
      ours.add(bytes);
      confluent.read(topic, bytes);
      confluent.write(topic, topic + "-value", contract(record), AvroJson.toJson(record));
    }

    ConfluentJavaScriptClient.Result result = confluent.run();

    for (int i = 0; i < records.size(); i++) {
      SpecificRecord record = records.get(i);
      String name = record.getSchema().getName();
      JsonNode expected = AvroJson.toJson(record);
      assertThat(result.values().get(i).equals(AvroJson.SAME_VALUE, expected))
          .as(
              "%s read by Confluent's client: %s, expected %s",
              name, result.values().get(i), expected)
          .isTrue();
      ConfluentJavaScriptClient.Written theirs = result.written().get(i);
      assertThat(theirs.schemaId()).as("%s schema id", name).isEqualTo(schemaId(ours.get(i)));
      assertThat(theirs.bytes()).as("%s bytes", name).isEqualTo(ours.get(i));
      assertThat(deserializer().deserialize(topics.get(i), theirs.bytes()))
          .as("%s read back by our deserializer", name)
          .isEqualTo(record);
    }
  }

  @Test
  void weFindTheContractConfluentRegisteredAndWriteItsBytes() {
    List<SpecificRecord> records = contractRecords();
    List<String> topics = new ArrayList<>();
    ConfluentJavaScriptClient confluent = new ConfluentJavaScriptClient(registry.ccompatUrl());
    for (SpecificRecord record : records) {
      String topic = uniqueTopic("confluent-first");
      topics.add(topic);
      confluent.write(topic, topic + "-value", contract(record), AvroJson.toJson(record));
    }

    ConfluentJavaScriptClient.Result result = confluent.run();

    // Without auto-registration our serializer must find the schema Confluent's client registered.
    Map<String, Object> lookupOnly =
        settings(registry, AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
    for (int i = 0; i < records.size(); i++) {
      SpecificRecord record = records.get(i);
      ConfluentJavaScriptClient.Written theirs = result.written().get(i);
      assertThat(deserializer().deserialize(topics.get(i), theirs.bytes())).isEqualTo(record);
      byte[] ours = serializer(lookupOnly).serialize(topics.get(i), record);
      assertThat(ours).as("%s bytes", record.getSchema().getName()).isEqualTo(theirs.bytes());
    }
  }

  @Test
  void theGeneratedClassSchemaIsNotTheContractForTheRegistry() {
    SpecificRecord record = ContractRecords.powerReading("feed-1");
    String topic = uniqueTopic("java-properties");
    new ConfluentJavaScriptClient(registry.ccompatUrl())
        .write(topic, topic + "-value", contract(record), AvroJson.toJson(record))
        .run();

    // Why avro.remove.java.properties defaults to true: with the generated class's
    // "avro.java.string" annotations the registry sees another schema than the contract.
    Map<String, Object> keepJavaProperties =
        settings(
            registry,
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            false,
            AvroSerdeConfig.AVRO_REMOVE_JAVA_PROPERTIES,
            false);
    assertThatThrownBy(() -> serializer(keepJavaProperties).serialize(topic, record))
        .isInstanceOf(SchemaNotRegisteredException.class);
  }

  private static List<SpecificRecord> contractRecords() {
    return List.of(
        ContractRecords.observedSystem("7c:c2:55:00:11:22"),
        ContractRecords.intentDevice("4711"),
        ContractRecords.discrepancy("MISCABLED:dgx-r14-u10/eth3"),
        ContractRecords.powerReading("feed-R02-B"));
  }

  private static SpecificAvroSerializer<SpecificRecord> serializer(Map<String, Object> settings) {
    SpecificAvroSerializer<SpecificRecord> serializer = new SpecificAvroSerializer<>();
    serializer.configure(settings, false);
    return serializer;
  }

  private static SpecificAvroDeserializer<SpecificRecord> deserializer() {
    SpecificAvroDeserializer<SpecificRecord> deserializer = new SpecificAvroDeserializer<>();
    deserializer.configure(settings(registry), false);
    return deserializer;
  }

  private static int schemaId(byte[] bytes) {
    return ByteBuffer.wrap(bytes, 1, 4).getInt();
  }

  /** The record's schema as written in the contract folder, schemas/<Name>.avsc. */
  private static String contract(SpecificRecord record) {
    String file = record.getSchema().getName() + ".avsc";
    for (Path dir = ConfluentJavaScriptClient.nodeDir(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("schemas").resolve(file);
      if (Files.isRegularFile(candidate)) {
        try {
          return Files.readString(candidate, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException(
        "no schemas/" + file + " above " + ConfluentJavaScriptClient.nodeDir());
  }
}
