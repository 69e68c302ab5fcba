package io.plumbline.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes records in the Confluent wire format, shared by the specific and generic serializers. For
 * each (record schema, topic) it settles once which schema id to write and with which datum writer;
 * after that a record costs one map lookup and the Avro encoding, no registry call.
 */
final class AvroRecordEncoder {

  private static final ThreadLocal<BinaryEncoder> ENCODERS = new ThreadLocal<>();

  private final SchemaRegistryClient client;
  private final AvroSerdeConfig config;
  private final boolean isKey;
  // Keyed by schema first: generated classes hand out one Schema instance, so equals() is an
  // identity check and hashCode() is cached by Avro.
  private final ConcurrentMap<Schema, ConcurrentMap<String, Target>> targets =
      new ConcurrentHashMap<>();

  AvroRecordEncoder(SchemaRegistryClient client, AvroSerdeConfig config, boolean isKey) {
    this.client = client;
    this.config = config;
    this.isKey = isKey;
  }

  byte[] encode(String topic, Object record, Schema schema) {
    Target target = target(topic, schema, record);
    ByteArrayOutputStream out = new ByteArrayOutputStream(target.sizeHint);
    WireFormat.writeHeader(out, target.id);
    // A buffered encoder per thread, pointed at each record's stream: no buffer allocation and
    // few calls into the (synchronized) ByteArrayOutputStream.
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, ENCODERS.get());
    ENCODERS.set(encoder);
    try {
      target.writer.write(record, encoder);
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          String.format(
              "Could not write a %s %s to topic '%s' with schema id %d: %s",
              schema.getFullName(), isKey ? "key" : "value", topic, target.id, e.getMessage()),
          e);
    }
    target.sizeHint = out.size();
    return out.toByteArray();
  }

  private Target target(String topic, Schema schema, Object record) {
    ConcurrentMap<String, Target> byTopic =
        targets.computeIfAbsent(schema, s -> new ConcurrentHashMap<>());
    Target target = byTopic.get(topic);
    if (target == null) {
      target = resolve(topic, schema, record);
      byTopic.putIfAbsent(topic, target);
    }
    return target;
  }

  private Target resolve(String topic, Schema schema, Object record) {
    String subject = config.subjectNameStrategy(isKey).subjectName(topic, isKey, schema);
    GenericData data =
        record instanceof SpecificRecord
            ? SpecificData.getForClass(record.getClass())
            : GenericData.get();
    DatumWriter<Object> writer =
        data instanceof SpecificData specific
            ? new SpecificDatumWriter<>(schema, specific)
            : new GenericDatumWriter<>(schema, data);
    if (config.useLatestVersion()) {
      return latestVersionTarget(subject, schema, data, writer);
    }
    Schema registered = config.removeJavaProperties() ? JavaSchemaProperties.strip(schema) : schema;
    int id =
        config.autoRegisterSchemas()
            ? client.register(subject, registered)
            : lookUp(subject, schema, registered);
    return new Target(id, writer);
  }

  private int lookUp(String subject, Schema schema, Schema registered) {
    try {
      return client.getId(subject, registered);
    } catch (SchemaNotRegisteredException notFound) {
      if (registered != schema) {
        // Registered by a client that keeps Java properties (Confluent's Java serde by default).
        try {
          return client.getId(subject, schema);
        } catch (SchemaNotRegisteredException alsoNotFound) {
          // Report the first: it names the schema as this serializer would have registered it.
        }
      }
      throw new SchemaNotRegisteredException(
          subject,
          notFound.getMessage()
              + "; auto.register.schemas=false, so the serializer does not register it: register"
              + " the schema first (for example from CI) or set auto.register.schemas=true");
    }
  }

  private Target latestVersionTarget(
      String subject, Schema schema, GenericData data, DatumWriter<Object> ownWriter) {
    RegisteredSchema latest = client.getLatestVersion(subject);
    // Same parsing canonical form means the same binary encoding: write the record as it is.
    if (SchemaNormalization.parsingFingerprint64(latest.schema())
        == SchemaNormalization.parsingFingerprint64(schema)) {
      return new Target(latest.id(), ownWriter);
    }
    SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(latest.schema(), schema);
    if (compatibility.getType() != SchemaCompatibilityType.COMPATIBLE) {
      throw new SerializationException(
          String.format(
              "use.latest.version=true, but the latest version %d (id %d) of subject '%s' cannot"
                  + " represent a record of the serializer's schema %s: %s",
              latest.version(),
              latest.id(),
              subject,
              schema.getFullName(),
              compatibility.getResult().getIncompatibilities().stream()
                  .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
                  .toList()));
    }
    return new Target(latest.id(), new ProjectingWriter(schema, latest.schema(), ownWriter));
  }

  /** Where a record of one schema goes on one topic: the id to frame it with and its writer. */
  private static final class Target {
    final int id;
    final DatumWriter<Object> writer;
    // The last record's size: a good first guess for the next buffer. Racy by design.
    volatile int sizeHint = 64;

    Target(int id, DatumWriter<Object> writer) {
      this.id = id;
      this.writer = writer;
    }
  }

  /**
   * Converts a record to another schema by Avro schema resolution before writing it: encode with
   * the record's schema, decode with the target schema as reader, encode again. Slow, and only used
   * with use.latest.version when the latest version differs from the record's schema; writing the
   * record directly with the other schema would misplace fields, since Avro writers read record
   * fields by position.
   */
  private static final class ProjectingWriter implements DatumWriter<Object> {
    private final DatumWriter<Object> ownWriter;
    private final GenericDatumReader<Object> projector;
    private final DatumWriter<Object> targetWriter;

    ProjectingWriter(Schema own, Schema target, DatumWriter<Object> ownWriter) {
      this.ownWriter = ownWriter;
      this.projector = new GenericDatumReader<>(own, target, GenericData.get());
      this.targetWriter = new GenericDatumWriter<>(target, GenericData.get());
    }

    @Override
    public void setSchema(Schema schema) {
      throw new UnsupportedOperationException("the schemas are fixed at construction");
    }

    @Override
    public void write(Object datum, Encoder out) throws IOException {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
      ownWriter.write(datum, encoder);
      encoder.flush();
      Object projected =
          projector.read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
      targetWriter.write(projected, out);
    }
  }
}
