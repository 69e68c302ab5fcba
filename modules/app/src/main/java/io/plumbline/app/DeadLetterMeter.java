package io.plumbline.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one dead-letter counter, {@code plumbline.dead.letters} (Prometheus: {@code
 * plumbline_dead_letters_total}), tagged with the input {@code topic} and the {@code reason}: the
 * root exception's class for records that could not be read, the validation reason for records
 * refused after reading. Both policies count through it so one series holds every dead letter.
 */
final class DeadLetterMeter {

  static final String NAME = "plumbline.dead.letters";

  private DeadLetterMeter() {}

  static void count(MeterRegistry meters, String topic, String reason) {
    if (meters == null) {
      return;
    }
    Counter.builder(NAME)
        .description("Input records sent to the dead-letter topic, by input topic and reason")
        .tag("topic", topic)
        .tag("reason", reason)
        .register(meters)
        .increment();
  }
}
