package io.plumbline.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link Serde} for generated Avro classes in the Confluent wire format: a {@link
 * SpecificAvroSerializer} and a {@link SpecificAvroDeserializer}, configured together from {@link
 * AvroSerdeConfig} settings. Usable as a Kafka Streams default serde by class name.
 *
 * @param <T> the generated class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final SpecificAvroSerializer<T> serializer;
  private final SpecificAvroDeserializer<T> deserializer;

  /** A serde whose registry client comes from its configuration. */
  public SpecificAvroSerde() {
    this(new SpecificAvroSerializer<>(), new SpecificAvroDeserializer<>());
  }

  /** A serde that reads into {@code readerType} whatever version wrote the record. */
  public SpecificAvroSerde(Class<T> readerType) {
    this(new SpecificAvroSerializer<>(), new SpecificAvroDeserializer<>(readerType));
  }

  /** A serde that uses {@code client} instead of the registry its configuration names. */
  public SpecificAvroSerde(SchemaRegistryClient client) {
    this(new SpecificAvroSerializer<>(client), new SpecificAvroDeserializer<>(client));
  }

  /** A serde with {@code client} that reads into {@code readerType}. */
  public SpecificAvroSerde(SchemaRegistryClient client, Class<T> readerType) {
    this(new SpecificAvroSerializer<>(client), new SpecificAvroDeserializer<>(client, readerType));
  }

  private SpecificAvroSerde(
      SpecificAvroSerializer<T> serializer, SpecificAvroDeserializer<T> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
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
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
