package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.PoLineContext;
import io.plumbline.topology.lifecycle.Evaluation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Evaluates a PO line whenever the line or its receipts change, and again when stream time passes
 * its deadline, so the "due" check (late delivery) fires without any new input and
 * deterministically. Keeps the latest context per line and an index of pending deadlines ordered by
 * time; forwards evaluations keyed by PO line, a null one when the line and its receipts are gone.
 */
final class PoLineDeadlines implements Processor<String, PoLineContext, String, Evaluation> {

  private final String contextStoreName;
  private final String deadlineStoreName;
  private final SupplyPolicy policy;
  private ProcessorContext<String, Evaluation> context;
  private KeyValueStore<String, PoLineContext> contexts;
  private KeyValueStore<String, String> deadlines;

  PoLineDeadlines(String contextStoreName, String deadlineStoreName, SupplyPolicy policy) {
    this.contextStoreName = contextStoreName;
    this.deadlineStoreName = deadlineStoreName;
    this.policy = policy;
  }

  @Override
  public void init(ProcessorContext<String, Evaluation> context) {
    this.context = context;
    this.contexts = context.getStateStore(contextStoreName);
    this.deadlines = context.getStateStore(deadlineStoreName);
    context.schedule(policy.dueCheckInterval(), PunctuationType.STREAM_TIME, this::evaluateDue);
  }

  @Override
  public void process(Record<String, PoLineContext> record) {
    String key = record.key();
    if (key == null) {
      return;
    }
    // Out-of-order inputs are judged at stream time, never earlier, so a line once due stays due.
    long now = Math.max(record.timestamp(), context.currentStreamTimeMs());
    PoLineContext previous = contexts.get(key);
    if (previous != null) {
      Instant pending = PoLineCheck.deadline(previous, policy);
      if (pending != null) {
        deadlines.delete(indexKey(wakeUp(pending), key));
      }
    }
    PoLineContext current = record.value();
    if (current == null) {
      contexts.delete(key);
      context.forward(record.withValue((Evaluation) null).withTimestamp(now));
      return;
    }
    contexts.put(key, current);
    Instant deadline = PoLineCheck.deadline(current, policy);
    if (deadline != null && wakeUp(deadline) > now) {
      deadlines.put(indexKey(wakeUp(deadline), key), key);
    }
    Evaluation evaluation = PoLineCheck.evaluate(current, Instant.ofEpochMilli(now), policy);
    context.forward(record.withValue(evaluation).withTimestamp(now));
  }

  /** Re-evaluates every line whose deadline passed, stamped with the moment it came due. */
  private void evaluateDue(long streamTime) {
    List<KeyValue<String, String>> due = new ArrayList<>();
    try (KeyValueIterator<String, String> it =
        deadlines.range(indexKey(0, ""), indexKey(streamTime, "\u007f"))) {
      it.forEachRemaining(due::add);
    }
    for (KeyValue<String, String> entry : due) {
      deadlines.delete(entry.key);
      PoLineContext current = contexts.get(entry.value);
      if (current == null) {
        continue;
      }
      long at = Long.parseLong(entry.key.substring(0, entry.key.indexOf('|')));
      Evaluation evaluation = PoLineCheck.evaluate(current, Instant.ofEpochMilli(at), policy);
      context.forward(new Record<>(entry.value, evaluation, at));
    }
  }

  /** The first instant at which the line is due: just after its deadline. */
  private static long wakeUp(Instant deadline) {
    return deadline.toEpochMilli() + 1;
  }

  /** Zero-padded time first, so the store's key order is time order. */
  private static String indexKey(long time, String poLine) {
    return String.format("%019d|%s", Math.max(time, 0), poLine);
  }
}
