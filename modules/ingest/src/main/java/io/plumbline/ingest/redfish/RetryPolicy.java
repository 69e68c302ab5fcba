package io.plumbline.ingest.redfish;

import java.time.Duration;

/**
 * How often and how patiently to ask a BMC: each request times out after {@code timeout}; a timeout
 * or a 5xx answer (BMCs are small and often busy) is retried up to {@code retries} times, waiting
 * {@code initialBackoff} and doubling each time; a 4xx answer is final (retrying a 401 or a 404
 * only repeats it).
 */
public record RetryPolicy(Duration timeout, int retries, Duration initialBackoff) {

  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  public RetryPolicy {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("--retries must be 0 or more, got " + retries);
    }
  }

  /** The wait before retry number {@code attempt} (1-based). */
  public Duration backoff(int attempt) {
    Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  /** Whether an answer with this status (0: no answer) is worth asking again. */
  public static boolean retryable(int status) {
    return status == 0 || status >= 500;
  }
}
