package io.plumbline.topology.validation;

import java.util.OptionalLong;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes on the records every check accepts: the key, the event time (as judged by the source's
 * {@link FarFutureGuard}), then the values. A refused record ends here with an {@link
 * InvalidInputException} that {@link InvalidInputHandler} turns into a dead letter. Tombstones
 * (null values) pass unchecked: what they mean is each input's own business.
 */
final class InputGate<V> implements FixedKeyProcessor<String, V, V> {

  private final InputRule<V> key = new KeyPresent<>();
  private final ValidationPolicy policy;
  private final InputRule<V> values;
  private FixedKeyProcessorContext<String, V> context;

  InputGate(ValidationPolicy policy, InputRule<V> values) {
    this.policy = policy;
    this.values = values;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, V> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, V> record) {
    if (record.value() != null) {
      key.check(record.key(), record.value());
      OptionalLong claimed = FarFutureGuard.claimedEventTime(record.headers());
      if (claimed.isPresent()) {
        throw FarFutureGuard.refusal(claimed.getAsLong(), policy);
      }
      values.check(record.key(), record.value());
    }
    context.forward(record);
  }
}
