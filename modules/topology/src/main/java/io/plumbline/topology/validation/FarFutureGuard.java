package io.plumbline.topology.validation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Keeps event times far in the future out of stream time. Kafka Streams advances a partition's
 * stream time with each extracted timestamp before any processor runs, so one reading stamped next
 * year would fire every stream-time punctuator (silence, deadlines) at once even if the validation
 * step behind the source refused it. This extractor therefore judges the time itself: an event time
 * more than {@link ValidationPolicy#maxFutureSkew()} ahead of the policy's clock is replaced by the
 * partition's current stream time, and the time claimed is written to the {@value #CLAIMED_HEADER}
 * header, where the validation gate finds it and refuses the record as {@link
 * RejectionReason#FAR_FUTURE_TIMESTAMP}. On an intent table (no gate) the record is kept with the
 * replaced time.
 */
public final class FarFutureGuard implements TimestampExtractor {

  /** Header carrying the event time a far-future record claimed, in epoch milliseconds. */
  public static final String CLAIMED_HEADER = "plumbline.claimed-event-time";

  private final TimestampExtractor eventTime;
  private final ValidationPolicy policy;

  public FarFutureGuard(TimestampExtractor eventTime, ValidationPolicy policy) {
    this.eventTime = eventTime;
    this.policy = policy;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    // A replayed dead letter carries an old verdict: judge it again.
    record.headers().remove(CLAIMED_HEADER);
    long claimed = eventTime.extract(record, partitionTime);
    if (claimed - policy.clock().millis() <= policy.maxFutureSkew().toMillis()) {
      return claimed;
    }
    record
        .headers()
        .add(CLAIMED_HEADER, Long.toString(claimed).getBytes(StandardCharsets.US_ASCII));
    // Before the partition's first record stream time is unknown (-1): 0 keeps it where it is.
    return Math.max(partitionTime, 0);
  }

  /** The event time a record claimed if this guard held it back, else empty. */
  static OptionalLong claimedEventTime(Headers headers) {
    Header header = headers.lastHeader(CLAIMED_HEADER);
    if (header == null) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(new String(header.value(), StandardCharsets.US_ASCII)));
  }

  /** The refusal of a record this guard held back. */
  static InvalidInputException refusal(long claimed, ValidationPolicy policy) {
    return new InvalidInputException(
        RejectionReason.FAR_FUTURE_TIMESTAMP,
        "event time "
            + Instant.ofEpochMilli(claimed)
            + " is more than "
            + policy.maxFutureSkew()
            + " ahead of the clock");
  }
}
