package io.plumbline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The registry refused to register a schema because it breaks the subject's compatibility level
 * (HTTP 409), e.g. a new required field without a default under BACKWARD.
 */
public class IncompatibleSchemaException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final String subject;

  /** Creates the exception for {@code subject}, with the registry's explanation in the message. */
  public IncompatibleSchemaException(String subject, String message) {
    super(message);
    this.subject = subject;
  }

  /** The subject that refused the schema. */
  public String subject() {
    return subject;
  }
}
