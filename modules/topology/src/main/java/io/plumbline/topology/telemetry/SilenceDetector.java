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
 * @param <V> the reading type
 */
public final class SilenceDetector<V> implements Processor<String, V, String, Evaluation> {

  private static final Set<DiscrepancyType> DECIDED = Set.of(DiscrepancyType.TELEMETRY_SILENT);

  private final String storeName;
  private final SilencePolicy policy;
  private final DiscrepancyDomain domain;
  private final Function<V, String> rackOf;
  private final BiFunction<String, String, Subject> subjectOf;
  private ProcessorContext<String, Evaluation> context;
  private KeyValueStore<String, TelemetryHeartbeat> heartbeats;

  /**
   * @param rackOf the rack a reading names, or null
   * @param subjectOf the subject for a telemetry key and its rack (nullable)
   */
  public SilenceDetector(
      String storeName,
      SilencePolicy policy,
      DiscrepancyDomain domain,
      Function<V, String> rackOf,
      BiFunction<String, String, Subject> subjectOf) {
    this.storeName = storeName;
    this.policy = policy;
    this.domain = domain;
    this.rackOf = rackOf;
    this.subjectOf = subjectOf;
  }

  @Override
  public void init(ProcessorContext<String, Evaluation> context) {
    this.context = context;
    this.heartbeats = context.getStateStore(storeName);
    context.schedule(policy.checkInterval(), PunctuationType.STREAM_TIME, this::findSilent);
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    TelemetryHeartbeat last = heartbeats.get(record.key());
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
    if (last != null && last.getSilent()) {
      context.forward(record.withValue(new Evaluation(DECIDED, List.of())));
    }
  }

  private void findSilent(long streamTime) {
    long silentAfter = policy.silentAfter().toMillis();
    List<KeyValue<String, TelemetryHeartbeat>> newlySilent = new ArrayList<>();
    try (KeyValueIterator<String, TelemetryHeartbeat> it = heartbeats.all()) {
      it.forEachRemaining(
          kv -> {
            if (!kv.value.getSilent()
                && kv.value.getLastSeen().toEpochMilli() + silentAfter <= streamTime) {
              newlySilent.add(kv);
            }
          });
    }
    for (KeyValue<String, TelemetryHeartbeat> kv : newlySilent) {
      heartbeats.put(kv.key, TelemetryHeartbeat.newBuilder(kv.value).setSilent(true).build());
      Finding finding =
          new Finding(
              DiscrepancyType.TELEMETRY_SILENT,
              domain,
              Severity.WARNING,
              subjectOf.apply(kv.key, kv.value.getRackId()),
              "a reading at least every " + policy.silentAfter(),
              "last reading at " + kv.value.getLastSeen(),
              null);
      context.forward(new Record<>(kv.key, new Evaluation(DECIDED, List.of(finding)), streamTime));
    }
  }
}
