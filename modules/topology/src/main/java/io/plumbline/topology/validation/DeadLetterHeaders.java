package io.plumbline.topology.validation;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

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

  /** Writes the refusal's reason and explanation. */
  public static void setReason(Headers headers, InvalidInputException invalid) {
    set(headers, REASON, invalid.reason().name());
    set(headers, MESSAGE, invalid.getMessage());
  }

  /** Replaces any header of that name with this one value. */
  public static void set(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
