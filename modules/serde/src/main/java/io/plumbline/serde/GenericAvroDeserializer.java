package io.plumbline.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format into {@link GenericRecord}s carrying the writer's
 * schema (fetched once per id), so any record can be read without generated classes. Strings come
 * as {@link org.apache.avro.util.Utf8} and logical types as their underlying Avro type, as with
 * Confluent's generic deserializer. Null bytes become a null record. Thread-safe once configured.
 */
public final class GenericAvroDeserializer implements Deserializer<GenericRecord> {

  private final SchemaRegistryClient injectedClient;
  private volatile AvroRecordDecoder<GenericRecord> decoder;

  /** A deserializer whose registry client comes from its configuration. */
  public GenericAvroDeserializer() {
    this.injectedClient = null;
  }

  /** A deserializer that uses {@code client} instead of the one its configuration names. */
  public GenericAvroDeserializer(SchemaRegistryClient client) {
    this.injectedClient = Objects.requireNonNull(client, "client");
  }

  /**
   * Reads the settings of {@link AvroSerdeConfig}; {@code specific.avro.reader} is ignored.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming a bad setting
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
    SchemaRegistryClient client =
        injectedClient != null ? injectedClient : SchemaRegistryClients.forConfig(config);
    this.decoder = new AvroRecordDecoder<>(client, GenericAvroDeserializer::reader);
  }

  @Override
  public GenericRecord deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    AvroRecordDecoder<GenericRecord> configured = decoder;
    if (configured == null) {
      throw new IllegalStateException("GenericAvroDeserializer used before configure()");
    }
    return configured.decode(topic, data);
  }

  private static GenericDatumReader<GenericRecord> reader(
      String topic, int schemaId, Schema writer) {
    if (writer.getType() != Schema.Type.RECORD) {
      throw new SerializationException(
          String.format(
              "Schema id %d of a record from topic '%s' is a %s schema, not a record",
              schemaId, topic, writer.getType().getName()));
    }
    return new GenericDatumReader<>(writer, writer, GenericData.get());
  }
}
