package io.plumbline.topology.validation;

import java.util.Objects;

/**
 * Thrown by a validation step for a record that deserialised but makes no sense. Kafka Streams
 * hands it to {@link InvalidInputHandler}, which dead-letters the source record inside the task's
 * transaction; nothing downstream of the step sees the record.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RejectionReason reason;

  public InvalidInputException(RejectionReason reason, String message) {
    // No stack trace: this is a verdict on data, thrown once per bad record, not a program error.
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public RejectionReason reason() {
    return reason;
  }

  /** The refusal in {@code exception}'s cause chain, or null when it holds none. */
  public static InvalidInputException in(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
