package io.plumbline.topology.validation;

import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes on the records every rule accepts; a refused record ends here with an {@link
 * InvalidInputException} that {@link InvalidInputHandler} turns into a dead letter. Tombstones
 * (null values) pass unchecked: what they mean is each input's own business.
 */
final class InputGate<V> implements FixedKeyProcessor<String, V, V> {

  private final List<InputRule<V>> rules;
  private FixedKeyProcessorContext<String, V> context;

  InputGate(List<InputRule<V>> rules) {
    this.rules = List.copyOf(rules);
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    if (record.value() != null) {
      long now = context.currentSystemTimeMs();
      for (InputRule<V> rule : rules) {
        rule.check(record.key(), record.value(), record.timestamp(), now);
      }
    }
    context.forward(record);
  }
}
