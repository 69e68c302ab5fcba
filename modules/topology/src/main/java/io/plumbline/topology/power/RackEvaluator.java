package io.plumbline.topology.power;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link RackChecks} whenever a rack's design or the load of one of its feeds changes,
 * remembering each check's level (the hysteresis state) in a store keyed {@code rackId/TYPE}. A
 * rack removed from the design forgets its levels and forwards null, which resolves its findings.
 */
final class RackEvaluator implements FixedKeyProcessor<String, RackContext, TelemetryVerdict> {

  private final String levelStoreName;
  private final PowerPolicy policy;
  private FixedKeyProcessorContext<String, TelemetryVerdict> context;
  private KeyValueStore<String, String> levels;

  RackEvaluator(String levelStoreName, PowerPolicy policy) {
    this.levelStoreName = levelStoreName;
    this.policy = policy;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = context.getStateStore(levelStoreName);
  }

  @Override
  public void process(FixedKeyRecord<String, RackContext> record) {
    String rackId = record.key();
    if (rackId == null) {
      return;
    }
    if (record.value() == null) {
      RackChecks.TYPES.forEach(type -> levels.delete(key(rackId, type)));
      context.forward(record.withValue(null));
      return;
    }
    Map<DiscrepancyType, Severity> previous = new EnumMap<>(DiscrepancyType.class);
    for (DiscrepancyType type : RackChecks.TYPES) {
      String stored = levels.get(key(rackId, type));
      if (stored != null) {
        previous.put(type, Severity.valueOf(stored));
      }
    }
    RackChecks.Assessment assessment = RackChecks.assess(record.value(), previous, policy);
    for (DiscrepancyType type : RackChecks.TYPES) {
      Severity level = assessment.levels().get(type);
      if (level == null && previous.containsKey(type)) {
        levels.delete(key(rackId, type));
      } else if (level != null && level != previous.get(type)) {
        levels.put(key(rackId, type), level.name());
      }
    }
    context.forward(record.withValue(assessment.verdict()));
  }

  private static String key(String rackId, DiscrepancyType type) {
    return rackId + "/" + type.name();
  }
}
