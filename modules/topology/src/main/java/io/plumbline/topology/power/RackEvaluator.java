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
 * Runs {@link RackChecks} whenever a rack's design or the load of one of its feeds changes,
 * remembering each check's level (the hysteresis state) in {@link CheckLevels}. A rack removed from
 * the design forgets its levels and forwards null, which resolves its findings.
 */
final class RackEvaluator implements FixedKeyProcessor<String, RackContext, TelemetryVerdict> {

  private final String levelStoreName;
  private final PowerPolicy policy;
  private FixedKeyProcessorContext<String, TelemetryVerdict> context;
  private CheckLevels levels;

  RackEvaluator(String levelStoreName, PowerPolicy policy) {
    this.levelStoreName = levelStoreName;
    this.policy = policy;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = new CheckLevels(context.getStateStore(levelStoreName));
  }

  @Override
  public void process(FixedKeyRecord<String, RackContext> record) {
    String rackId = record.key();
    if (rackId == null) {
      return;
    }
    if (record.value() == null) {
      levels.forget(rackId, RackChecks.TYPES);
      context.forward(record.withValue(null));
      return;
    }
    Map<DiscrepancyType, Severity> previous = levels.of(rackId, RackChecks.TYPES);
    RackChecks.Assessment assessment = RackChecks.assess(record.value(), previous, policy);
    levels.update(rackId, previous, assessment.levels());
    context.forward(record.withValue(assessment.verdict()));
  }
}
