package io.plumbline.topology.validation;

/**
 * Header names on a dead-letter record. The {@code __streams.errors.*} names are those Kafka
 * Streams writes for records it cannot deserialise (KIP-1034), so one consumer reads both kinds;
 * Plumbline adds its own machine-readable reason.
 */
public final class DeadLetterHeaders {

  /** {@link RejectionReason} name of a record that deserialised but was refused. */
  public static final String REASON = "plumbline.dlq.reason";

  /** Human-readable explanation of the refusal. */
  public static final String MESSAGE = "plumbline.dlq.message";

  public static final String EXCEPTION = "__streams.errors.exception";
  public static final String EXCEPTION_MESSAGE = "__streams.errors.message";
  public static final String TOPIC = "__streams.errors.topic";
  public static final String PARTITION = "__streams.errors.partition";
  public static final String OFFSET = "__streams.errors.offset";

  private DeadLetterHeaders() {}
}
