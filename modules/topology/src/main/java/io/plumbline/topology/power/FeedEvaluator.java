package io.plumbline.topology.power;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.telemetry.CheckLevels;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Runs {@link FeedChecks} whenever a feed's design or its latest window changes, remembering the
 * level of each of the feed's checks (the hysteresis state) in {@link CheckLevels}. A feed removed
 * from the design forgets its level and forwards null, which resolves its findings.
 */
final class FeedEvaluator implements FixedKeyProcessor<String, FeedContext, TelemetryVerdict> {

  private final String levelStoreName;
  private final PowerPolicy policy;
  private FixedKeyProcessorContext<String, TelemetryVerdict> context;
  private CheckLevels levels;

  FeedEvaluator(String levelStoreName, PowerPolicy policy) {
    this.levelStoreName = levelStoreName;
    this.policy = policy;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = new CheckLevels(context.getStateStore(levelStoreName));
  }

  @Override
  public void process(FixedKeyRecord<String, FeedContext> record) {
    String feedId = record.key();
    if (feedId == null) {
      return;
    }
    if (record.value() == null) {
      levels.forget(feedId, FeedChecks.TYPES);
      context.forward(record.withValue(null));
      return;
    }
    Map<DiscrepancyType, Severity> previous = levels.of(feedId, FeedChecks.TYPES);
    FeedChecks.Assessment assessment = FeedChecks.assess(record.value(), previous, policy);
    levels.update(feedId, previous, assessment.levels());
    context.forward(record.withValue(assessment.verdict()));
  }
}
