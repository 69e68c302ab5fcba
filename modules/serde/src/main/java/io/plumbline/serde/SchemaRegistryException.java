package io.plumbline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry could not be used: unreachable, credentials refused, or an answer this client
 * does not understand. This is a failure of infrastructure, not of one record, so exception
 * handlers should stop the application rather than dead-letter the record (every following record
 * would fail the same way).
 */
public class SchemaRegistryException extends SerializationException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the registry. */
  public SchemaRegistryException(String message) {
    super(message);
  }

  /** Creates the exception with a message that names the registry, and its cause. */
  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
