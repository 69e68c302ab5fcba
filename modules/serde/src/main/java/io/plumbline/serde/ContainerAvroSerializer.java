package io.plumbline.serde;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * What both serializers share: the registry client from the configuration (or an injected one), and
 * the encoding of any Avro record that carries its schema. A null record becomes null bytes (a
 * tombstone). Thread-safe once configured.
 */
abstract class ContainerAvroSerializer<T extends GenericContainer> implements Serializer<T> {

  private final SchemaRegistryClient injectedClient;
  private volatile AvroRecordEncoder encoder;

  ContainerAvroSerializer(SchemaRegistryClient injectedClient) {
    this.injectedClient = injectedClient;
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
      throw new IllegalStateException(getClass().getSimpleName() + " used before configure()");
    }
    return configured.encode(topic, record, record.getSchema());
  }

  static SchemaRegistryClient required(SchemaRegistryClient client) {
    return Objects.requireNonNull(client, "client");
  }
}
