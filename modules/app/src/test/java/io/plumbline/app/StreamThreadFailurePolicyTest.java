package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class StreamThreadFailurePolicyTest {

  private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

  /** The shape seen in BrokerOutageIT: a send refused because the transaction was aborted. */
  private static Throwable abortedTransaction() {
    return new StreamsException(
        "Error encountered trying to send record",
        new KafkaException(
            "Cannot execute transactional method because we are in an error state",
            new TransactionAbortableException(
                "Transaction Request was aborted after exhausting retries.",
                new TimeoutException("Topic t not present in metadata after 60000 ms."))));
  }

  private static final class SteppingClock extends Clock {
    private Instant now = T0;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void brokerTroubleAnywhereInTheCauseChainReplacesTheThread() {
    assertThat(StreamThreadFailurePolicy.causedByBrokerTrouble(abortedTransaction())).isTrue();
    assertThat(
            StreamThreadFailurePolicy.causedByBrokerTrouble(
                new StreamsException("task timed out", new TimeoutException("commit"))))
        .isTrue();
    StreamThreadFailurePolicy policy = new StreamThreadFailurePolicy(new SteppingClock());
    assertThat(policy.handle(abortedTransaction()))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aDefectShutsTheReconcilerDown() {
    StreamThreadFailurePolicy policy = new StreamThreadFailurePolicy(new SteppingClock());
    Throwable defect =
        new ProcessorStateException(
            "Failed to flush cache", new IllegalArgumentException("Invalid timestamp: -1"));
    assertThat(StreamThreadFailurePolicy.causedByBrokerTrouble(defect)).isFalse();
    assertThat(policy.handle(defect)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(policy.handle(new IllegalStateException("a bug")))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void tooManyReplacementsInTheWindowShutTheReconcilerDown() {
    SteppingClock clock = new SteppingClock();
    StreamThreadFailurePolicy policy = new StreamThreadFailurePolicy(clock);
    for (int i = 0; i < StreamThreadFailurePolicy.MAX_REPLACEMENTS; i++) {
      assertThat(policy.handle(abortedTransaction()))
          .as("replacement %d", i + 1)
          .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
      clock.advance(Duration.ofSeconds(30));
    }
    assertThat(policy.handle(abortedTransaction()))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }

  @Test
  void replacementsOlderThanTheWindowAreForgotten() {
    SteppingClock clock = new SteppingClock();
    StreamThreadFailurePolicy policy = new StreamThreadFailurePolicy(clock);
    for (int i = 0; i < StreamThreadFailurePolicy.MAX_REPLACEMENTS; i++) {
      policy.handle(abortedTransaction());
    }
    clock.advance(StreamThreadFailurePolicy.WINDOW.plusSeconds(1));
    assertThat(policy.handle(abortedTransaction()))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aCycleInTheCauseChainEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertThat(StreamThreadFailurePolicy.causedByBrokerTrouble(a)).isFalse();
  }
}
