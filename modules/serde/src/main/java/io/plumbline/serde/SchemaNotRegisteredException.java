package io.plumbline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A subject does not hold the schema looked up, or has no versions at all. Serializers throw it
 * when {@code auto.register.schemas=false} and the record's schema was not registered beforehand.
 */
public class SchemaNotRegisteredException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final String subject;

  /** Creates the exception for {@code subject}, with a message that says what to do. */
  public SchemaNotRegisteredException(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  /** The subject that was looked up. */
  public String subject() {
    return subject;
  }
}
