package io.plumbline.bench.pipeline;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Counts what Kafka Streams restores from changelogs: stores started and finished, records
 * restored, and the time from the first store's start to the last one's end. Thread-safe: called
 * from the stream and state-updater threads.
 */
final class RestoreCounter implements StateRestoreListener {

  private final AtomicInteger started = new AtomicInteger();
  private final AtomicInteger ended = new AtomicInteger();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong firstStartNanos = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastEndNanos = new AtomicLong(Long.MIN_VALUE);

  @Override
  public void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    started.incrementAndGet();
    firstStartNanos.accumulateAndGet(System.nanoTime(), Math::min);
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
    records.addAndGet(numRestored);
  }

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    ended.incrementAndGet();
    lastEndNanos.accumulateAndGet(System.nanoTime(), Math::max);
  }

  /** Store partitions whose restoration started. */
  int started() {
    return started.get();
  }

  /** Store partitions whose restoration finished. */
  int ended() {
    return ended.get();
  }

  long records() {
    return records.get();
  }

  /** Seconds from the first restoration's start to the last one's end; 0 when none ran. */
  double seconds() {
    long first = firstStartNanos.get();
    long last = lastEndNanos.get();
    return first == Long.MAX_VALUE || last == Long.MIN_VALUE ? 0 : (last - first) / 1e9;
  }
}
