package io.plumbline.topology.lifecycle;

import io.plumbline.avro.v1.Discrepancy;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Applies each subject's latest {@link Evaluation} to its open discrepancies and forwards the
 * transitions keyed by discrepancy id. A null evaluation means the subject left the design: all its
 * findings resolve. Time is the record's timestamp, so results are deterministic.
 */
final class EvaluationProcessor implements Processor<String, Evaluation, String, Discrepancy> {

  private final String storeName;
  private ProcessorContext<String, Discrepancy> context;
  private OpenDiscrepancies open;

  EvaluationProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, Discrepancy> context) {
    this.context = context;
    this.open = new OpenDiscrepancies(context.getStateStore(storeName));
  }

  @Override
  public void process(Record<String, Evaluation> record) {
    if (record.key() == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(record.timestamp());
    List<Discrepancy> before = open.of(record.key());
    DiscrepancyLifecycle.Step step =
        record.value() == null
            ? DiscrepancyLifecycle.resolveAll(before, now)
            : DiscrepancyLifecycle.apply(before, record.value(), now);
    open.replace(record.key(), before, step.open());
    for (Discrepancy transition : step.transitions()) {
      context.forward(record.withKey(transition.getId()).withValue(transition));
    }
  }
}
