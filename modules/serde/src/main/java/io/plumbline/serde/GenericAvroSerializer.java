package io.plumbline.serde;

import org.apache.avro.generic.GenericRecord;

/**
 * Writes {@link GenericRecord}s in the Confluent wire format, with the schema each record carries;
 * otherwise as {@link SpecificAvroSerializer}. Logical types are written as their underlying Avro
 * type (a timestamp-millis field holds a {@code long}). A null record becomes null bytes.
 */
public final class GenericAvroSerializer extends ContainerAvroSerializer<GenericRecord> {

  /** A serializer whose registry client comes from its configuration (Kafka's usual path). */
  public GenericAvroSerializer() {
    super(null);
  }

  /** A serializer that uses {@code client} instead of the one its configuration names. */
  public GenericAvroSerializer(SchemaRegistryClient client) {
    super(required(client));
  }
}
