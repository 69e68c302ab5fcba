package io.plumbline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes are not in the Confluent wire format (magic byte 0, 4-byte big-endian schema id,
 * Avro binary). A property of the record, so it may be dead-lettered.
 */
public class InvalidWireFormatException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the topic. */
  public InvalidWireFormatException(String message) {
    super(message);
  }
}
