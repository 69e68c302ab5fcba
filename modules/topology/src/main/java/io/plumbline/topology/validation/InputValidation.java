package io.plumbline.topology.validation;

import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.FailOnInvalidTimestamp;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Puts a validation step right behind each input stream's source, so that a record which makes no
 * sense is dead-lettered with its source bytes before any rule or store sees it. Every input gets
 * the key and clock checks, then the value checks of its kind. A source it gates must read its
 * event time through {@link #eventTime} or {@link #recordTime}, which judge the clock.
 *
 * <p>Tables (the design and the purchase orders) have no step between source and store, so their
 * records are judged while read: {@link #tableKeys} and {@link #tableValues} refuse a record there,
 * and the deserialization-exception handler dead-letters it.
 */
public final class InputValidation {

  /** The value rules of the table inputs that have one. */
  private static final Map<Class<?>, InputRule<?>> TABLE_RULES =
      Map.of(
          PurchaseOrderLine.class, new PurchaseOrderLineValidator(),
          IntentRack.class, new IntentRackValidator(),
          IntentPowerFeed.class, new IntentPowerFeedValidator());

  private final ValidationPolicy policy;

  public InputValidation(ValidationPolicy policy) {
    this.policy = policy;
  }

  public KStream<String, PowerReading> powerReadings(KStream<String, PowerReading> in) {
    return gate(in, "power-readings-valid", new PowerReadingValidator());
  }

  public KStream<String, EnvironmentReading> environmentReadings(
      KStream<String, EnvironmentReading> in) {
    return gate(in, "cooling-readings-valid", new EnvironmentReadingValidator());
  }

  public KStream<String, Receipt> receipts(KStream<String, Receipt> in) {
    return gate(in, "receipts-valid", new ReceiptValidator());
  }

  public KStream<String, ObservedSystem> observedSystems(KStream<String, ObservedSystem> in) {
    return gate(in, "observed-systems-valid", new ObservedSystemValidator());
  }

  /** The key serde of a table source: a missing or blank key in {@code topic} is refused. */
  public Serde<String> tableKeys(String topic) {
    return Serdes.serdeFrom(new StringSerializer(), new RequiredKeyDeserializer(topic));
  }

  /** The value serde of a table source of {@code type}: its value rule applied to {@code topic}. */
  public <V> Serde<V> tableValues(String topic, Serde<V> values, Class<V> type) {
    @SuppressWarnings("unchecked")
    InputRule<V> rule = (InputRule<V>) TABLE_RULES.get(type);
    if (rule == null) {
      return values;
    }
    return Serdes.serdeFrom(
        values.serializer(), new ValidatingDeserializer<>(topic, values.deserializer(), rule));
  }

  /**
   * The event-time extractor for a source this validation gates (or an intent table): {@code
   * eventTime} with far-future times kept out of stream time.
   */
  public TimestampExtractor eventTime(TimestampExtractor eventTime) {
    return new FarFutureGuard(eventTime, policy);
  }

  /** The event-time extractor for a source whose event time is the record timestamp. */
  public TimestampExtractor recordTime() {
    return eventTime(new FailOnInvalidTimestamp());
  }

  private <V> KStream<String, V> gate(KStream<String, V> in, String name, InputRule<V> values) {
    return in.processValues(() -> new InputGate<>(policy, values), Named.as(name));
  }
}
