package io.plumbline.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts, per source, the records read, published and rejected. Kept as Micrometer counters ({@code
 * plumbline.ingest.records} tagged {@code source} and {@code outcome}) for the metrics endpoint,
 * and summarised on standard error when a one-shot ingest ends.
 */
public final class IngestCounters {

  /** What happened to a record. */
  public enum Outcome {
    READ,
    PUBLISHED,
    REJECTED
  }

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();

  public IngestCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counters kept in memory only (for one-shot commands and tests). */
  public static IngestCounters inMemory() {
    return new IngestCounters(new SimpleMeterRegistry());
  }

  public void count(String source, Outcome outcome) {
    count(source, outcome, 1);
  }

  public void count(String source, Outcome outcome, long n) {
    String outcomeTag = outcome.name().toLowerCase(java.util.Locale.ROOT);
    Counter.builder("plumbline.ingest.records")
        .description("Records read from, published for, or rejected from an ingest source")
        .tag("source", source)
        .tag("outcome", outcomeTag)
        .register(registry)
        .increment(n);
    totals.computeIfAbsent(source + " " + outcomeTag, k -> new AtomicLong()).addAndGet(n);
  }

  /** The count so far for one source and outcome. */
  public long get(String source, Outcome outcome) {
    AtomicLong total = totals.get(source + " " + outcome.name().toLowerCase(java.util.Locale.ROOT));
    return total == null ? 0 : total.get();
  }

  /** One line per source and outcome, for standard error, e.g. {@code netbox published 42}. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    new TreeMap<>(totals)
        .forEach((k, v) -> text.append(k).append(' ').append(v.get()).append('\n'));
    return text.toString();
  }
}
