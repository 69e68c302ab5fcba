package io.plumbline.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro classes in the Confluent wire format (magic byte 0, 4-byte schema id, Avro
 * binary). The schema id comes from the registry under the configured subject name strategy:
 * registered on first use when {@code auto.register.schemas=true} (the default), looked up
 * otherwise, or the subject's latest version with {@code use.latest.version=true}. A null record
 * becomes null bytes (a tombstone). Thread-safe once configured.
 *
 * @param <T> the generated class
 */
public final class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final SchemaRegistryClient injectedClient;
  private volatile AvroRecordEncoder encoder;

  /** A serializer whose registry client comes from its configuration (Kafka's usual path). */
  public SpecificAvroSerializer() {
    this.injectedClient = null;
  }

  /** A serializer that uses {@code client} instead of the one its configuration names. */
  public SpecificAvroSerializer(SchemaRegistryClient client) {
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
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    AvroRecordEncoder configured = encoder;
    if (configured == null) {
      throw new IllegalStateException("SpecificAvroSerializer used before configure()");
    }
    return configured.encode(topic, record, record.getSchema());
  }
}
