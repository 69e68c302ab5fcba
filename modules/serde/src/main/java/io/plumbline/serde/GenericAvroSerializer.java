package io.plumbline.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes {@link GenericRecord}s in the Confluent wire format, with the schema each record carries;
 * otherwise as {@link SpecificAvroSerializer}. Logical types are written as their underlying Avro
 * type (a timestamp-millis field holds a {@code long}). A null record becomes null bytes.
 */
public final class GenericAvroSerializer implements Serializer<GenericRecord> {

  private final SchemaRegistryClient injectedClient;
  private volatile AvroRecordEncoder encoder;

  /** A serializer whose registry client comes from its configuration (Kafka's usual path). */
  public GenericAvroSerializer() {
    this.injectedClient = null;
  }

  /** A serializer that uses {@code client} instead of the one its configuration names. */
  public GenericAvroSerializer(SchemaRegistryClient client) {
    this.injectedClient = Objects.requireNonNull(client, "client");
  }

  /**
   * Reads the settings of {@link AvroSerdeConfig}.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming a bad setting
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
    SchemaRegistryClient client =
        injectedClient != null ? injectedClient : SchemaRegistryClients.forConfig(config);
    this.encoder = new AvroRecordEncoder(client, config, isKey);
  }

  @Override
  public byte[] serialize(String topic, GenericRecord record) {
    if (record == null) {
      return null;
    }
    AvroRecordEncoder configured = encoder;
    if (configured == null) {
      throw new IllegalStateException("GenericAvroSerializer used before configure()");
    }
    return configured.encode(topic, record, record.getSchema());
  }
}
