package io.plumbline.serde;

import org.apache.avro.specific.SpecificRecord;

/**
 * Writes generated Avro classes in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary). The schema id comes from the registry under the configured subject name strategy:
 * registered on first use when {@code auto.register.schemas=true} (the default), looked up
 * otherwise, or the subject's latest version with {@code use.latest.version=true}. A null record
 * becomes null bytes (a tombstone). Thread-safe once configured.
 *
 * @param <T> the generated class
 */
public final class SpecificAvroSerializer<T extends SpecificRecord>
    extends ContainerAvroSerializer<T> {

  /** A serializer whose registry client comes from its configuration (Kafka's usual path). */
  public SpecificAvroSerializer() {
    super(null);
  }

  /** A serializer that uses {@code client} instead of the one its configuration names. */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
    super(required(client));
  }
}
