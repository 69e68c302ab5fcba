package io.plumbline.topology.validation;

import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.Receipt;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Puts a validation step right behind each input stream's source, so that a record which makes no
 * sense is dead-lettered with its source bytes before any rule or store sees it. Every input gets
 * the key and clock checks, then the value checks of its kind.
 */
public final class InputValidation {

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

  private <V> KStream<String, V> gate(KStream<String, V> in, String name, InputRule<V> values) {
    List<InputRule<V>> rules = new ArrayList<>();
    rules.add(new KeyPresent<>());
    rules.add(new NotFromTheFuture<>(policy.maxFutureSkew()));
    rules.add(values);
    return in.processValues(() -> new InputGate<>(rules), Named.as(name));
  }
}
