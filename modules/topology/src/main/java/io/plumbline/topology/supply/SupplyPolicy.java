package io.plumbline.topology.supply;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The supply domain's policies.
 *
 * @param coveringStatuses PO line statuses whose ordered quantity covers design demand. Default
 *     open and closed: a closed line was delivered, so its hardware is on site; a cancelled line
 *     covers nothing. (A line closed short is reported as SHORT_SHIPMENT on its own.)
 * @param deliveryGrace how long after its expected date a PO line may still be completed before it
 *     counts as due (LATE_DELIVERY). Default zero: the expected date is the deadline.
 * @param dueCheckInterval how often, in stream time, lines that came due are looked for. Only
 *     latency depends on it: a finding is stamped with the moment the line came due. Default one
 *     minute.
 */
public record SupplyPolicy(
    Set<PoLineStatus> coveringStatuses, Duration deliveryGrace, Duration dueCheckInterval) {

  public SupplyPolicy {
    coveringStatuses = Set.copyOf(coveringStatuses);
    Objects.requireNonNull(deliveryGrace, "deliveryGrace");
    Objects.requireNonNull(dueCheckInterval, "dueCheckInterval");
    if (deliveryGrace.isNegative()) {
      throw new IllegalArgumentException("deliveryGrace must not be negative: " + deliveryGrace);
    }
    if (dueCheckInterval.isNegative() || dueCheckInterval.isZero()) {
      throw new IllegalArgumentException("dueCheckInterval must be positive: " + dueCheckInterval);
    }
  }

  /** The documented defaults. */
  public static SupplyPolicy defaults() {
    return new SupplyPolicy(
        EnumSet.of(PoLineStatus.OPEN, PoLineStatus.CLOSED), Duration.ZERO, Duration.ofMinutes(1));
  }
}
