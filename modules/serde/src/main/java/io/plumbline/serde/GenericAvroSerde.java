package io.plumbline.serde;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Serde} for {@link GenericRecord} in the Confluent wire format: a {@link
 * GenericAvroSerializer} and a {@link GenericAvroDeserializer}, configured together from {@link
 * AvroSerdeConfig} settings.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

  private final GenericAvroSerializer serializer;
  private final GenericAvroDeserializer deserializer;

  /** A serde whose registry client comes from its configuration. */
  public GenericAvroSerde() {
    this.serializer = new GenericAvroSerializer();
    this.deserializer = new GenericAvroDeserializer();
  }

  /** A serde that uses {@code client} instead of the registry its configuration names. */
  public GenericAvroSerde(SchemaRegistryClient client) {
    this.serializer = new GenericAvroSerializer(client);
    this.deserializer = new GenericAvroDeserializer(client);
  }

  /**
   * Configures the serializer and the deserializer.
   *
   * @throws org.apache.kafka.common.config.ConfigException naming a bad setting
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return deserializer;
  }
}
