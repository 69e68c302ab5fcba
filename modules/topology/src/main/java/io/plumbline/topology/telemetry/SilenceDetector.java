package io.plumbline.topology.telemetry;

import io.plumbline.avro.internal.v1.TelemetryHeartbeat;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * TELEMETRY_SILENT: a feed or sensor that reported before and has not reported for {@link
 * SilencePolicy#silentAfter()} of stream time. A stream-time punctuation finds the silent ones, so
 * the outcome depends only on the records (other subjects on the same partition move stream time
 * on); the next reading resolves it. Emits evaluations keyed by the telemetry key, deciding only
 * TELEMETRY_SILENT.
 *
 * <p>Tied to the design when given the store of the design table keyed like the telemetry (power
 * feeds): a null reading value means "a reading for an id the design does not have" (the upstream
 * join says so) and is not tracked; at each punctuation an id the design no longer has is forgotten
 * and its silence resolved, so only what the design still has is ever flagged. Without a design
 * store (sensors, which NetBox does not model) every id that reports is tracked.
 *
 * <p>State is bounded: heartbeats of ids that left the design go at the next punctuation, and those
 * silent for {@link SilencePolicy#forgetAfter()} go too (their finding stays open; a reading after
 * that resolves it, because a reading without a heartbeat always re-checks).
 *
 * @param <V> the reading type
 */
public final class SilenceDetector<V> implements Processor<String, V, String, Evaluation> {

  private static final Set<DiscrepancyType> DECIDED = Set.of(DiscrepancyType.TELEMETRY_SILENT);
  private static final Evaluation NOT_SILENT = new Evaluation(DECIDED, List.of());

  private final String storeName;
  private final String designStoreName;
  private final SilencePolicy policy;
  private final DiscrepancyDomain domain;
  private final Function<V, String> rackOf;
  private final BiFunction<String, String, Subject> subjectOf;
  private ProcessorContext<String, Evaluation> context;
  private KeyValueStore<String, TelemetryHeartbeat> heartbeats;
  private KeyValueStore<String, ?> design;

  /**
   * @param designStoreName the design table's store keyed like the telemetry, or null when the
   *     design does not model these ids
   * @param rackOf the rack a reading names, or null
   * @param subjectOf the subject for a telemetry key and its rack (nullable)
   */
  public SilenceDetector(
      String storeName,
      String designStoreName,
      SilencePolicy policy,
      DiscrepancyDomain domain,
      Function<V, String> rackOf,
      BiFunction<String, String, Subject> subjectOf) {
    this.storeName = storeName;
    this.designStoreName = designStoreName;
    this.policy = policy;
    this.domain = domain;
    this.rackOf = rackOf;
    this.subjectOf = subjectOf;
  }

  @Override
  public void init(ProcessorContext<String, Evaluation> context) {
    this.context = context;
    this.heartbeats = context.getStateStore(storeName);
    this.design = designStoreName == null ? null : context.getStateStore(designStoreName);
    context.schedule(policy.checkInterval(), PunctuationType.STREAM_TIME, this::sweep);
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.key() == null) {
      return;
    }
    TelemetryHeartbeat last = heartbeats.get(record.key());
    if (record.value() == null) {
      // a reading for an id the design does not have: not tracked, nothing to flag
      if (last != null) {
        heartbeats.delete(record.key());
        context.forward(record.withValue(NOT_SILENT));
      }
      return;
    }
    long seen =
        last == null
            ? record.timestamp()
            : Math.max(last.getLastSeen().toEpochMilli(), record.timestamp());
    String rack = rackOf.apply(record.value());
    if (rack == null && last != null) {
      rack = last.getRackId();
    }
    heartbeats.put(
        record.key(),
        TelemetryHeartbeat.newBuilder()
            .setId(record.key())
            .setRackId(rack)
            .setLastSeen(Instant.ofEpochMilli(seen))
            .setSilent(false)
            .build());
    // Without a heartbeat the id may have been forgotten while silent: re-check to resolve it.
    if (last == null || last.getSilent()) {
      context.forward(record.withValue(NOT_SILENT));
    }
  }

  private void sweep(long streamTime) {
    long silentAfter = policy.silentAfter().toMillis();
    long forgetAfter = policy.forgetAfter().toMillis();
    List<KeyValue<String, TelemetryHeartbeat>> changed = new ArrayList<>();
    try (KeyValueIterator<String, TelemetryHeartbeat> it = heartbeats.all()) {
      it.forEachRemaining(
          kv -> {
            long lastSeen = kv.value.getLastSeen().toEpochMilli();
            boolean newlySilent = !kv.value.getSilent() && lastSeen + silentAfter <= streamTime;
            if (!designed(kv.key) || lastSeen + forgetAfter <= streamTime || newlySilent) {
              changed.add(kv);
            }
          });
    }
    for (KeyValue<String, TelemetryHeartbeat> kv : changed) {
      long lastSeen = kv.value.getLastSeen().toEpochMilli();
      if (!designed(kv.key)) {
        heartbeats.delete(kv.key);
        if (kv.value.getSilent()) {
          context.forward(new Record<>(kv.key, NOT_SILENT, streamTime));
        }
      } else if (!kv.value.getSilent() && lastSeen + silentAfter <= streamTime) {
        // flagged first even when it is also due to be forgotten; forgotten at a later sweep
        heartbeats.put(kv.key, TelemetryHeartbeat.newBuilder(kv.value).setSilent(true).build());
        context.forward(new Record<>(kv.key, silent(kv.key, kv.value), streamTime));
      } else {
        heartbeats.delete(kv.key);
      }
    }
  }

  private boolean designed(String id) {
    return design == null || design.get(id) != null;
  }

  private Evaluation silent(String id, TelemetryHeartbeat heartbeat) {
    Finding finding =
        new Finding(
            DiscrepancyType.TELEMETRY_SILENT,
            domain,
            Severity.WARNING,
            subjectOf.apply(id, heartbeat.getRackId()),
            "a reading at least every " + policy.silentAfter(),
            "last reading at " + heartbeat.getLastSeen(),
            null);
    return new Evaluation(DECIDED, List.of(finding));
  }
}
