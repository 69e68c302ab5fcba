package io.plumbline.ingest;

import org.apache.avro.specific.SpecificRecord;

/**
 * Where normalised records go: Kafka when ingesting for real, standard output for {@code --print}.
 * Every ingest source writes through this one interface, so a dry run shows exactly what would be
 * published.
 */
public interface IngestSink extends AutoCloseable {

  /** Publishes one record; a null value is a tombstone (the object left the source). */
  void send(String topic, String key, SpecificRecord value);

  /**
   * Hands an input that could not be understood to the dead-letter topic, with where it came from
   * (for example {@code orders.csv:17}) and why.
   */
  void deadLetter(String source, String location, byte[] raw, String reason);

  /**
   * Starts a batch that is published all or nothing (for example one file). Sinks that cannot roll
   * back treat this as a no-op.
   */
  default void beginBatch() {}

  /** Makes the records sent since {@link #beginBatch()} visible. */
  default void commitBatch() {}

  /** Discards the records sent since {@link #beginBatch()}. */
  default void abortBatch() {}

  @Override
  void close();
}
