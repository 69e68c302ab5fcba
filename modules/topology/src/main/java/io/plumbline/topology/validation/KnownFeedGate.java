package io.plumbline.topology.validation;

import io.plumbline.avro.v1.PowerReading;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Behind a reading's left join with the design's feeds, where a null value means the feed was not
 * found: refuses that reading as {@link RejectionReason#UNKNOWN_FEED}, passes the others on.
 */
public final class KnownFeedGate implements FixedKeyProcessor<String, PowerReading, PowerReading> {

  private FixedKeyProcessorContext<String, PowerReading> context;

  @Override
  public void init(FixedKeyProcessorContext<String, PowerReading> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, PowerReading> record) {
    if (record.value() == null) {
      throw new InvalidInputException(
          RejectionReason.UNKNOWN_FEED,
          "no power feed " + record.key() + " in the design (yet); replay once it is designed");
    }
    context.forward(record);
  }
}
