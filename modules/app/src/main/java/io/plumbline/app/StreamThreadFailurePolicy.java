package io.plumbline.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the reconciler does when a stream thread dies: a failure caused by the broker being away (a
 * retriable error, or a transaction the producer had to abort) replaces the thread, a few times in
 * a window; anything else, or too many replacements, shuts the reconciler down.
 *
 * <p>Why replace: Kafka Streams handles most of an outage itself (a timed-out send marks the task
 * corrupted and re-initialises it), but when the outage also aborts the shared transaction while it
 * re-initialises, committing the other tasks fails on the producer's error state, and that escapes
 * as a thread failure. A new thread starts from the last committed offsets with a new producer, so
 * under exactly-once nothing is lost or doubled. Why shut down otherwise: a defect would fail again
 * on the same record; better to stop loudly and be restarted.
 */
final class StreamThreadFailurePolicy implements StreamsUncaughtExceptionHandler {

  static final int MAX_REPLACEMENTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final int MAX_CAUSE_DEPTH = 32;
  private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailurePolicy.class);

  private final Clock clock;
  private final Deque<Instant> replacements = new ArrayDeque<>();

  StreamThreadFailurePolicy(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable failure) {
    Instant now = clock.instant();
    while (!replacements.isEmpty() && replacements.peekFirst().isBefore(now.minus(WINDOW))) {
      replacements.removeFirst();
    }
    if (!causedByBrokerTrouble(failure)) {
      LOG.error("stream thread failed; shutting the reconciler down", failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    if (replacements.size() >= MAX_REPLACEMENTS) {
      LOG.error(
          "stream thread failed on broker trouble for the {}th time in {}; shutting the reconciler"
              + " down",
          replacements.size() + 1,
          WINDOW,
          failure);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    replacements.addLast(now);
    LOG.warn(
        "replacing the stream thread after broker trouble ({} of {} in {}); it resumes from the last"
            + " commit",
        replacements.size(),
        MAX_REPLACEMENTS,
        WINDOW,
        failure);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  /** True when a retriable error or an aborted transaction is anywhere in the cause chain. */
  static boolean causedByBrokerTrouble(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_CAUSE_DEPTH; depth++) {
      if (cause instanceof RetriableException || cause instanceof TransactionAbortableException) {
        return true;
      }
      cause = cause.getCause();
    }
    return false;
  }
}
