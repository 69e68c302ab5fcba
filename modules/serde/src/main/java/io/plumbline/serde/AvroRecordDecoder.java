package io.plumbline.serde;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads records in the Confluent wire format, shared by the specific and generic deserializers:
 * checks the framing, fetches the writer schema by id (cached by the client) and keeps one datum
 * reader per writer id, resolving the writer schema against the reader schema the caller picks.
 */
final class AvroRecordDecoder<T> {

  /** Picks the reader for records written with a given schema; called once per schema id. */
  @FunctionalInterface
  interface ReaderFactory<T> {
    DatumReader<T> readerFor(String topic, int schemaId, Schema writerSchema);
  }

  // One decoder per thread, re-pointed at each payload; it holds no state between records.
  private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

  private final SchemaRegistryClient client;
  private final ReaderFactory<T> readers;
  private final ConcurrentMap<Integer, DatumReader<T>> readersById = new ConcurrentHashMap<>();

  AvroRecordDecoder(SchemaRegistryClient client, ReaderFactory<T> readers) {
    this.client = client;
    this.readers = readers;
  }

  T decode(String topic, byte[] payload) {
    int schemaId = WireFormat.readSchemaId(topic, payload);
    DatumReader<T> reader = readersById.get(schemaId);
    if (reader == null) {
      reader = readers.readerFor(topic, schemaId, client.getSchemaById(schemaId));
      readersById.putIfAbsent(schemaId, reader);
    }
    try {
      BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  payload,
                  WireFormat.HEADER_LENGTH,
                  payload.length - WireFormat.HEADER_LENGTH,
                  DECODERS.get());
      DECODERS.set(decoder);
      return reader.read(null, decoder);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          String.format(
              "Could not read a record of %d bytes from topic '%s' written with schema id %d: %s",
              payload.length, topic, schemaId, e.getMessage()),
          e);
    }
  }
}
