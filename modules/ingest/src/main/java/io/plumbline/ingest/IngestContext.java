package io.plumbline.ingest;

import io.plumbline.topology.PlumblineTopics;
import java.io.PrintStream;
import java.util.Map;

/**
 * What an ingest source is given to run: where to write records, the topic names, the counters,
 * where progress and errors go (standard error; standard output belongs to {@code --print}), and
 * whether to read the source once and return rather than keep polling or listening. Sources that
 * read from Kafka themselves (Telegraf's output topic) find the cluster's client settings
 * (bootstrap servers, security) in {@code kafka}; it is empty with {@code --print}.
 */
public record IngestContext(
    IngestSink sink,
    PlumblineTopics topics,
    IngestCounters counters,
    PrintStream progress,
    boolean once,
    Map<String, Object> kafka) {

  public IngestContext {
    kafka = Map.copyOf(kafka);
  }

  /** A context without Kafka client settings. */
  public IngestContext(
      IngestSink sink,
      PlumblineTopics topics,
      IngestCounters counters,
      PrintStream progress,
      boolean once) {
    this(sink, topics, counters, progress, once, Map.of());
  }
}
