package io.plumbline.topology.cooling;

import io.plumbline.avro.internal.v1.EnvironmentWindow;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Runs {@link SensorChecks} on each closed window of a sensor and forwards the verdict keyed by
 * sensor id, remembering the sensor's inlet level (the hysteresis state) in a store. Re-keying from
 * the windowed key to its sensor id keeps the partition, so no repartition is needed.
 */
final class SensorEvaluator
    implements Processor<Windowed<String>, EnvironmentWindow, String, TelemetryVerdict> {

  private final String levelStoreName;
  private final CoolingPolicy policy;
  private ProcessorContext<String, TelemetryVerdict> context;
  private KeyValueStore<String, String> levels;

  SensorEvaluator(String levelStoreName, CoolingPolicy policy) {
    this.levelStoreName = levelStoreName;
    this.policy = policy;
  }

  @Override
  public void init(ProcessorContext<String, TelemetryVerdict> context) {
    this.context = context;
    this.levels = context.getStateStore(levelStoreName);
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
    String stored = levels.get(sensorId);
    Severity previous = stored == null ? null : Severity.valueOf(stored);
    SensorChecks.Assessment assessment = SensorChecks.assess(window, previous, policy);
    if (assessment.inletLevel() == null) {
      levels.delete(sensorId);
    } else if (assessment.inletLevel() != previous) {
      levels.put(sensorId, assessment.inletLevel().name());
    }
    context.forward(record.withKey(sensorId).withValue(assessment.verdict()));
  }
}
