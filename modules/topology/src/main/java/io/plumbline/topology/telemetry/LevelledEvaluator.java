package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Runs one subject's checks whenever its context changes (a feed's design or latest window, a
 * rack's design or feed loads), remembering the level of each check (the hysteresis state) in
 * {@link CheckLevels}. A subject removed from the design forgets its levels and forwards null,
 * which resolves its findings.
 *
 * @param <C> the subject's context the checks read
 */
public final class LevelledEvaluator<C> implements FixedKeyProcessor<String, C, TelemetryVerdict> {

  /** The checks: an assessment of the context, given the levels they left last time. */
  @FunctionalInterface
  public interface Checks<C> {
    Assessment assess(C context, Map<DiscrepancyType, Severity> previous);
  }

  private final String levelStoreName;
  private final List<DiscrepancyType> types;
  private final Checks<C> checks;
  private FixedKeyProcessorContext<String, TelemetryVerdict> context;
  private CheckLevels levels;

  /**
   * @param levelStoreName the store of the levels
   * @param types the checks that keep a level
   * @param checks the checks
   */
  public LevelledEvaluator(String levelStoreName, List<DiscrepancyType> types, Checks<C> checks) {
    this.levelStoreName = levelStoreName;
    this.types = List.copyOf(types);
    this.checks = checks;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = new CheckLevels(context.getStateStore(levelStoreName));
  }

  @Override
  public void process(FixedKeyRecord<String, C> record) {
    String subjectId = record.key();
    if (subjectId == null) {
      return;
    }
    if (record.value() == null) {
      levels.forget(subjectId, types);
      context.forward(record.withValue(null));
      return;
    }
    Map<DiscrepancyType, Severity> previous = levels.of(subjectId, types);
    Assessment assessment = checks.assess(record.value(), previous);
    levels.update(subjectId, previous, assessment.levels());
    context.forward(record.withValue(assessment.verdict()));
  }
}
