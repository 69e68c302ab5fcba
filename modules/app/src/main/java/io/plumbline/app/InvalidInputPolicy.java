package io.plumbline.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.plumbline.topology.validation.InvalidInputHandler;
import io.plumbline.topology.validation.RejectionReason;
import java.util.Map;

/**
 * The reconciler's processing-exception policy: {@link InvalidInputHandler}'s dead-lettering of
 * records refused by validation, counted in {@code plumbline_dead_letters_total} with the rejection
 * reason (for example {@code NEGATIVE_CURRENT}) as the {@code reason} tag.
 */
public final class InvalidInputPolicy extends InvalidInputHandler {

  private MeterRegistry meters;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(DeadLetterPolicy.METER_REGISTRY_CONFIG) instanceof MeterRegistry registry) {
      this.meters = registry;
    }
  }

  @Override
  protected void deadLettered(String sourceTopic, RejectionReason reason) {
    DeadLetterMeter.count(meters, sourceTopic, reason.name());
  }
}
