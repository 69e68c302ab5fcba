package io.plumbline.ingest;

import io.plumbline.topology.PlumblineTopics;
import java.io.PrintStream;

/**
 * What an ingest source is given to run: where to write records, the topic names, the counters,
 * where progress and errors go (standard error; standard output belongs to {@code --print}), and
 * whether to read the source once and return rather than keep polling or listening.
 */
public record IngestContext(
    IngestSink sink,
    PlumblineTopics topics,
    IngestCounters counters,
    PrintStream progress,
    boolean once) {}
