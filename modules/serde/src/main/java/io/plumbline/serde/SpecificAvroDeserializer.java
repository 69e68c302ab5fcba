package io.plumbline.serde;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format into generated Avro classes. The writer schema is
 * fetched by the id in the record (once per id) and resolved against the reader schema by Avro's
 * schema resolution, so records written with an older or a newer compatible version both read:
 * added fields take their defaults, removed fields are skipped.
 *
 * <p>The reader schema is that of the class given to the constructor, else of {@code
 * specific.avro.value.type} / {@code specific.avro.key.type}, else of the generated class named
 * like the writer's record ({@link SpecificData#getClassName}). Null bytes become a null record (a
 * tombstone). Thread-safe once configured.
 *
 * @param <T> the generated class, or a common supertype when the reader class follows the writer
 */
public final class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final SchemaRegistryClient injectedClient;
  private final Class<? extends SpecificRecord> readerType;
  private volatile AvroRecordDecoder<T> decoder;

  /** Reads into the class named like the writer's record, with the configured registry. */
  public SpecificAvroDeserializer() {
    this(null, null);
  }

  /** Reads into {@code readerType} whatever version wrote the record. */
  public SpecificAvroDeserializer(Class<T> readerType) {
    this(null, Objects.requireNonNull(readerType, "readerType"));
  }

  /** Reads with {@code client} instead of the registry the configuration names. */
  public SpecificAvroDeserializer(SchemaRegistryClient client) {
    this(Objects.requireNonNull(client, "client"), null);
  }

  /** Reads into {@code readerType} with {@code client}; either may be null for the default. */
  public SpecificAvroDeserializer(SchemaRegistryClient client, Class<T> readerType) {
    this.injectedClient = client;
    this.readerType = readerType;
  }

  /**
   * Reads the settings of {@link AvroSerdeConfig}.
   *
   * @throws ConfigException naming a bad setting, including {@code specific.avro.reader=false}
   */
  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = AvroSerdeConfig.parse(configs);
    if (!config.specificAvroReader()) {
      throw new ConfigException(
          AvroSerdeConfig.SPECIFIC_AVRO_READER,
          false,
          "SpecificAvroDeserializer reads generated classes only; use GenericAvroDeserializer to"
              + " get GenericRecord");
    }
    SchemaRegistryClient client =
        injectedClient != null ? injectedClient : SchemaRegistryClients.forConfig(config);
    Optional<Class<? extends SpecificRecord>> fixedType =
        Optional.<Class<? extends SpecificRecord>>ofNullable(readerType)
            .or(() -> config.specificAvroType(isKey));
    this.decoder =
        new AvroRecordDecoder<>(
            client, (topic, id, writer) -> reader(topic, id, writer, fixedType));
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    AvroRecordDecoder<T> configured = decoder;
    if (configured == null) {
      throw new IllegalStateException("SpecificAvroDeserializer used before configure()");
    }
    return configured.decode(topic, data);
  }

  private static <T> SpecificDatumReader<T> reader(
      String topic, int schemaId, Schema writer, Optional<Class<? extends SpecificRecord>> fixed) {
    Class<? extends SpecificRecord> type =
        fixed.isPresent() ? fixed.get() : generatedClass(topic, schemaId, writer);
    SpecificData data = SpecificData.getForClass(type);
    // The class's own model carries its logical type conversions (timestamp-millis as Instant).
    return new SpecificDatumReader<>(writer, data.getSchema(type), data);
  }

  private static Class<? extends SpecificRecord> generatedClass(
      String topic, int schemaId, Schema writer) {
    if (writer.getType() != Schema.Type.RECORD) {
      throw new SerializationException(
          String.format(
              "Schema id %d of a record from topic '%s' is a %s schema, not a record: read it with"
                  + " another deserializer",
              schemaId, topic, writer.getType().getName()));
    }
    String className = SpecificData.getClassName(writer);
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type;
    try {
      type =
          Class.forName(
              className,
              true,
              loader != null ? loader : SpecificAvroDeserializer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SerializationException(
          String.format(
              "No generated class %s on the classpath for schema id %d of a record from topic '%s';"
                  + " add the class, set specific.avro.value.type (or .key.type), or read it with"
                  + " GenericAvroDeserializer",
              className, schemaId, topic),
          e);
    }
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new SerializationException(
          String.format(
              "Class %s, named by schema id %d, is not a generated Avro class",
              className, schemaId));
    }
    return type.asSubclass(SpecificRecord.class);
  }
}
