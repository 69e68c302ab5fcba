package io.plumbline.topology.validation;

/**
 * Why a record that deserialised was still refused. The name is written to the dead-letter record's
 * {@value DeadLetterHeaders#REASON} header and tags the dead-letter metric, so it is a stable,
 * machine-readable contract: add reasons, never rename them.
 */
public enum RejectionReason {
  /** The record has no key, so it cannot be routed to the state of its subject. */
  NULL_KEY,
  /** The key is empty or white space only. */
  BLANK_KEY,
  /** The event time is further ahead of the reconciler's clock than the allowed skew. */
  FAR_FUTURE_TIMESTAMP,
  /** A current below zero: meters report magnitudes. */
  NEGATIVE_CURRENT,
  /** A power below zero: a PDU feed does not export power. */
  NEGATIVE_POWER,
  /** A voltage below zero. */
  NEGATIVE_VOLTAGE,
  /** A coolant flow below zero. */
  NEGATIVE_FLOW,
  /** A temperature below absolute zero. */
  IMPOSSIBLE_TEMPERATURE,
  /** NaN or infinity in a measured value. */
  NON_FINITE_VALUE,
  /** A receipt or a purchase-order line of fewer than zero items. */
  NEGATIVE_QUANTITY,
  /** A power reading for a feed the design does not have (yet): replay once the design has it. */
  UNKNOWN_FEED,
  /** A percentage outside 0-100, such as a power feed's max utilisation. */
  PERCENT_OUT_OF_RANGE
}
