package io.plumbline.topology.telemetry;

import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for telemetry: when the meter or sensor measured, not when the collector produced the
 * record. Falls back to the record timestamp when the reading carries no time.
 */
public final class MeasuredAt {

  private MeasuredAt() {}

  /** An extractor reading {@code measuredAt} from values of the given type. */
  public static <V> TimestampExtractor of(Class<V> type, Function<V, Instant> measuredAt) {
    return (record, partitionTime) -> {
      Instant at =
          type.isInstance(record.value()) ? measuredAt.apply(type.cast(record.value())) : null;
      return at != null ? at.toEpochMilli() : record.timestamp();
    };
  }
}
