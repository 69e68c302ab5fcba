package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.Alert;
import io.plumbline.avro.v1.AlertState;
import io.plumbline.topology.lifecycle.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns verdicts into alerts keyed by discrepancy id: FIRING when an overrun opens or its severity
 * changes, RESOLVED when a measurement shows it gone or its subject leaves the design. The firing
 * alerts of each subject live in a store keyed {@code subjectKey/discrepancyId}; a verdict that
 * carries no measurement for a firing alert leaves it firing (missing evidence resolves nothing).
 */
final class AlertProcessor implements Processor<String, TelemetryVerdict, String, Alert> {

  private static final StringSerializer KEYS = new StringSerializer();

  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Alert> firing;

  AlertProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.firing = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, TelemetryVerdict> record) {
    if (record.key() == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(record.timestamp());
    String prefix = record.key() + "/";
    if (record.value() == null) {
      for (Alert alert : firingOf(prefix)) {
        firing.delete(prefix + alert.getId());
        emit(record, resolved(alert, alert, now));
      }
      return;
    }
    Map<String, Finding> findings =
        record.value().evaluation().findings().stream()
            .collect(Collectors.toMap(Finding::id, Function.identity(), (a, b) -> a));
    for (Measurement measurement : record.value().measurements()) {
      String id = measurement.discrepancyId();
      Finding finding = findings.get(id);
      Alert current = firing.get(prefix + id);
      if (finding != null && (current == null || current.getSeverity() != finding.severity())) {
        Alert fired = alert(measurement, finding, AlertState.FIRING, now);
        firing.put(prefix + id, fired);
        emit(record, fired);
      } else if (finding == null && current != null) {
        firing.delete(prefix + id);
        emit(record, resolved(current, measured(measurement, current), now));
      }
    }
  }

  private void emit(Record<String, TelemetryVerdict> record, Alert alert) {
    context.forward(new Record<>(alert.getId(), alert, record.timestamp(), record.headers()));
  }

  private List<Alert> firingOf(String prefix) {
    List<Alert> out = new ArrayList<>();
    try (KeyValueIterator<String, Alert> it = firing.prefixScan(prefix, KEYS)) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  private static Alert alert(
      Measurement measurement, Finding finding, AlertState state, Instant now) {
    return Alert.newBuilder()
        .setId(finding.id())
        .setDiscrepancyType(finding.type())
        .setSeverity(finding.severity())
        .setState(state)
        .setSubject(finding.subject())
        .setWindowStart(measurement.windowStart())
        .setWindowEnd(measurement.windowEnd())
        .setMeasured(measurement.measured())
        .setBudget(measurement.budget())
        .setUnit(measurement.unit())
        .setChangedAt(now)
        .build();
  }

  /** The firing alert with the window and value that showed it gone. */
  private static Alert measured(Measurement measurement, Alert current) {
    return Alert.newBuilder(current)
        .setWindowStart(measurement.windowStart())
        .setWindowEnd(measurement.windowEnd())
        .setMeasured(measurement.measured())
        .setBudget(measurement.budget())
        .setUnit(measurement.unit())
        .build();
  }

  private static Alert resolved(Alert current, Alert evidence, Instant now) {
    return Alert.newBuilder(evidence)
        .setSeverity(current.getSeverity())
        .setState(AlertState.RESOLVED)
        .setChangedAt(now)
        .build();
  }
}
