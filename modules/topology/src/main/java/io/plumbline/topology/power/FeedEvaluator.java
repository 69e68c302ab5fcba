package io.plumbline.topology.power;

import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link FeedChecks} whenever a feed's design or its latest window changes, remembering each
 * feed's FEED_OVER_BUDGET level (the hysteresis state) in a store keyed by feed id. A feed removed
 * from the design forgets its level and forwards null, which resolves its findings.
 */
final class FeedEvaluator implements FixedKeyProcessor<String, FeedContext, TelemetryVerdict> {

  private final String levelStoreName;
  private final PowerPolicy policy;
  private FixedKeyProcessorContext<String, TelemetryVerdict> context;
  private KeyValueStore<String, String> levels;

  FeedEvaluator(String levelStoreName, PowerPolicy policy) {
    this.levelStoreName = levelStoreName;
    this.policy = policy;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = context.getStateStore(levelStoreName);
  }

  @Override
  public void process(FixedKeyRecord<String, FeedContext> record) {
    if (record.key() == null) {
      return;
    }
    if (record.value() == null) {
      levels.delete(record.key());
      context.forward(record.withValue(null));
      return;
    }
    String stored = levels.get(record.key());
    Severity previous = stored == null ? null : Severity.valueOf(stored);
    FeedChecks.Assessment assessment = FeedChecks.assess(record.value(), previous, policy);
    if (assessment.loadLevel() == null) {
      levels.delete(record.key());
    } else if (assessment.loadLevel() != previous) {
      levels.put(record.key(), assessment.loadLevel().name());
    }
    context.forward(record.withValue(assessment.verdict()));
  }
}
