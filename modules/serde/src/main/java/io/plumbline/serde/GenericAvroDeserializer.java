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
 * Reads records in the Confluent wire format into {@link GenericRecord}s, so any record can be read
 * without generated classes. By default a record carries its writer's schema (fetched once per id);
 * given a reader schema, every record is resolved to it by Avro's schema resolution, as a consumer
 * pinned to one version of the contract would read. Strings come as {@link
 * org.apache.avro.util.Utf8} and logical types as their underlying Avro type, as with Confluent's
 * generic deserializer. Null bytes become a null record. Thread-safe once configured.
 */
public final class GenericAvroDeserializer implements Deserializer<GenericRecord> {

  private final SchemaRegistryClient injectedClient;
  private final Schema readerSchema;
  private volatile AvroRecordDecoder<GenericRecord> decoder;

  /** A deserializer whose registry client comes from its configuration. */
  public GenericAvroDeserializer() {
    this(null, null);
  }

  /** A deserializer that uses {@code client} instead of the one its configuration names. */
  public GenericAvroDeserializer(SchemaRegistryClient client) {
    this(Objects.requireNonNull(client, "client"), null);
  }

  /** A deserializer that resolves every record to {@code readerSchema}, a record schema. */
  public GenericAvroDeserializer(Schema readerSchema) {
    this(null, Objects.requireNonNull(readerSchema, "readerSchema"));
  }

  /** A deserializer with {@code client} and {@code readerSchema}; either may be null. */
  public GenericAvroDeserializer(SchemaRegistryClient client, Schema readerSchema) {
    if (readerSchema != null && readerSchema.getType() != Schema.Type.RECORD) {
      throw new IllegalArgumentException("reader schema must be a record, not " + readerSchema);
    }
    this.injectedClient = client;
    this.readerSchema = readerSchema;
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
    this.decoder =
        new AvroRecordDecoder<>(
            client, (topic, id, writer) -> reader(topic, id, writer, readerSchema));
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
      String topic, int schemaId, Schema writer, Schema readerSchema) {
    if (writer.getType() != Schema.Type.RECORD) {
      throw new SerializationException(
          String.format(
              "Schema id %d of a record from topic '%s' is a %s schema, not a record",
              schemaId, topic, writer.getType().getName()));
    }
    return new GenericDatumReader<>(
        writer, readerSchema != null ? readerSchema : writer, GenericData.get());
  }
}
