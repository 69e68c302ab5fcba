package io.plumbline.it.reliability;

import io.plumbline.serde.GenericAvroSerializer;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.TopicRole;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces simulator events as two generations of producers would: for the roles given a second
 * version of their schema, a seeded half of the records is converted to that version (the v1 fields
 * copied by Avro schema resolution, the added field set) and written with Plumbline's own generic
 * serializer, which registers v2 under the topic's subject; every other record is written as v1
 * with the generated class, as the simulator's publisher writes it. Counts what it wrote of each
 * version per role.
 */
final class SecondVersionProducer implements AutoCloseable {

  /** A second version of a role's schema and the value its producer puts in the added field. */
  record SecondVersion(Schema schema, String addedField, Object addedValue) {

    /** Loads {@code resource} (an .avsc on the test class path). */
    static SecondVersion load(String resource, String addedField, Object addedValue) {
      try (InputStream in = SecondVersionProducer.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("no schema resource " + resource);
        }
        Schema schema = new Schema.Parser().parse(in);
        if (schema.getField(addedField) == null) {
          throw new IllegalStateException(resource + " has no field " + addedField);
        }
        return new SecondVersion(schema, addedField, addedValue);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final KafkaProducer<String, byte[]> producer;
  private final SpecificAvroSerializer<SpecificRecord> v1Serializer =
      new SpecificAvroSerializer<>();
  private final GenericAvroSerializer v2Serializer = new GenericAvroSerializer();
  private final PlumblineTopics topics;
  private final Map<TopicRole, SecondVersion> secondVersions;
  private final Random random;
  private final Map<TopicRole, long[]> written = new EnumMap<>(TopicRole.class);

  SecondVersionProducer(
      String bootstrap,
      Map<String, ?> registrySettings,
      PlumblineTopics topics,
      Map<TopicRole, SecondVersion> secondVersions,
      long seed) {
    v1Serializer.configure(registrySettings, false);
    v2Serializer.configure(registrySettings, false);
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20),
            new StringSerializer(),
            new ByteArraySerializer());
    this.topics = topics;
    this.secondVersions = Map.copyOf(secondVersions);
    this.random = new Random(seed);
  }

  /** Writes one event, as v2 for a seeded half of the records of a role that has a v2. */
  void send(SimEvent event) {
    String topic = event.role().topic(topics);
    SecondVersion v2 = secondVersions.get(event.role());
    byte[] value;
    int version;
    if (event.value() != null && v2 != null && random.nextBoolean()) {
      value = v2Serializer.serialize(topic, asSecondVersion(event.value(), v2));
      version = 2;
    } else {
      value = v1Serializer.serialize(topic, event.value());
      version = 1;
    }
    if (event.value() != null) {
      written.computeIfAbsent(event.role(), r -> new long[3])[version]++;
    }
    producer.send(new ProducerRecord<>(topic, null, event.timestamp(), event.key(), value));
  }

  void flush() {
    producer.flush();
  }

  /** Records (tombstones left out) written with schema {@code version} (1 or 2) for a role. */
  long written(TopicRole role, int version) {
    long[] counts = written.get(role);
    return counts == null ? 0 : counts[version];
  }

  @Override
  public void close() {
    producer.close();
  }

  /** The record as its v2 producer would build it: every v1 field, plus the added one. */
  static GenericRecord asSecondVersion(SpecificRecord v1, SecondVersion v2) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
      new SpecificDatumWriter<SpecificRecord>(v1.getSchema()).write(v1, encoder);
      encoder.flush();
      GenericDatumReader<GenericRecord> resolving =
          new GenericDatumReader<>(v1.getSchema(), v2.schema(), GenericData.get());
      GenericRecord record =
          resolving.read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
      record.put(v2.addedField(), v2.addedValue());
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException("could not convert " + v1.getSchema().getFullName(), e);
    }
  }
}
