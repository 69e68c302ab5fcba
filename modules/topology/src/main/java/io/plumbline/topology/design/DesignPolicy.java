package io.plumbline.topology.design;

/**
 * How severe design findings are. A feed allocated beyond its usable power and an A/B rack that
 * cannot survive the loss of a side are always CRITICAL (a breaker trips, the rack goes dark). A
 * rack planned beyond its power budget or cooling capacity is a WARNING while the overrun stays
 * within {@code rackCriticalPercent} of the budget, CRITICAL beyond.
 *
 * @param rackCriticalPercent planned load, in percent of the rack's budget, above which a rack
 *     budget finding is CRITICAL; {@link #defaults()} uses 110 %
 */
public record DesignPolicy(double rackCriticalPercent) {

  public DesignPolicy {
    if (!(rackCriticalPercent >= 100)) {
      throw new IllegalArgumentException(
          "rackCriticalPercent must be at least 100, was " + rackCriticalPercent);
    }
  }

  /** The documented defaults: a rack more than 10 % over its budget is CRITICAL. */
  public static DesignPolicy defaults() {
    return new DesignPolicy(110.0);
  }
}
