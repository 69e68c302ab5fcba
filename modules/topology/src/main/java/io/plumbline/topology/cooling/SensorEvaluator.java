package io.plumbline.topology.cooling;

import io.plumbline.avro.internal.v1.EnvironmentWindow;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.telemetry.Assessment;
import io.plumbline.topology.telemetry.CheckLevels;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.util.Map;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs {@link SensorChecks} on each closed window of a sensor and forwards the verdict keyed by
 * sensor id, remembering the level of each of the sensor's checks (the hysteresis state) in {@link
 * CheckLevels}. Re-keying from the windowed key to its sensor id keeps the partition, so no
 * repartition is needed.
 */
final class SensorEvaluator
    implements Processor<Windowed<String>, EnvironmentWindow, String, TelemetryVerdict> {

  private final String levelStoreName;
  private final CoolingPolicy policy;
  private ProcessorContext<String, TelemetryVerdict> context;
  private CheckLevels levels;

  SensorEvaluator(String levelStoreName, CoolingPolicy policy) {
    this.levelStoreName = levelStoreName;
    this.policy = policy;
  }

  @Override
  public void init(ProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = new CheckLevels(context.getStateStore(levelStoreName));
  }

  @Override
  public void process(Record<Windowed<String>, EnvironmentWindow> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    String sensorId = record.key().key();
    EnvironmentWindow window =
        EnvironmentWindow.newBuilder(record.value())
            .setSensorId(sensorId)
            .setWindowStart(record.key().window().startTime())
            .setWindowEnd(record.key().window().endTime())
            .build();
    Map<DiscrepancyType, Severity> previous = levels.of(sensorId, SensorChecks.TYPES);
    Assessment assessment = SensorChecks.assess(window, previous, policy);
    levels.update(sensorId, previous, assessment.levels());
    context.forward(record.withKey(sensorId).withValue(assessment.verdict()));
  }
}
