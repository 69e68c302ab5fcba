package io.plumbline.it.reliability;

import io.plumbline.serde.UnknownMagicByteException;
import io.plumbline.serde.UnknownSchemaIdException;
import io.plumbline.topology.validation.InvalidInputException;
import io.plumbline.topology.validation.RejectionReason;

/**
 * The kinds of bad record {@link PoisonPills} mixes into a good stream, with what the reconciler
 * must write for each: the {@code plumbline.dlq.reason} header (none for a record that could not
 * even be read: Kafka Streams' own dead-lettering writes only its {@code __streams.errors.*}
 * headers), the exception named in {@code __streams.errors.exception}, and the {@code reason} tag
 * of {@code plumbline_dead_letters_total} (the root exception's class for unreadable records).
 */
enum PoisonKind {
  /** JSON, as a misconfigured producer writes: no registry wire format. */
  NOT_AVRO(UnknownMagicByteException.class),
  /** Registry wire format with a schema id the registry never issued. */
  UNKNOWN_SCHEMA_ID(UnknownSchemaIdException.class),
  /** A good power reading with one phase's current made negative. */
  NEGATIVE_CURRENT(RejectionReason.NEGATIVE_CURRENT),
  /** A good power reading moved to a feed the design does not have. */
  UNKNOWN_FEED(RejectionReason.UNKNOWN_FEED),
  /** A good environment reading without its key. */
  NULL_KEY(RejectionReason.NULL_KEY),
  /** A good power reading whose {@code measuredAt} is a year ahead. */
  FAR_FUTURE_READING(RejectionReason.FAR_FUTURE_TIMESTAMP),
  /** A good BMC observation whose record timestamp is a year ahead. */
  FAR_FUTURE_OBSERVATION(RejectionReason.FAR_FUTURE_TIMESTAMP),
  /** A good temperature reading below absolute zero. */
  IMPOSSIBLE_TEMPERATURE(RejectionReason.IMPOSSIBLE_TEMPERATURE),
  /** A good receipt with a negative quantity. */
  NEGATIVE_QUANTITY(RejectionReason.NEGATIVE_QUANTITY),
  /**
   * A good rack of the design under a blank key (a table input: refused while read). Not a null
   * key: the broker refuses a keyless record on a compacted topic itself.
   */
  BLANK_KEY_DESIGN(RejectionReason.BLANK_KEY),
  /** A good purchase-order line ordering a negative quantity (a table input). */
  NEGATIVE_ORDER_QUANTITY(RejectionReason.NEGATIVE_QUANTITY),
  /** A good power feed of the design with a max utilisation of 150 % (a table input). */
  OVER_UTILISED_FEED(RejectionReason.PERCENT_OUT_OF_RANGE);

  private final RejectionReason reason;
  private final Class<? extends Exception> exception;

  PoisonKind(RejectionReason reason) {
    this.reason = reason;
    this.exception = InvalidInputException.class;
  }

  PoisonKind(Class<? extends Exception> unreadable) {
    this.reason = null;
    this.exception = unreadable;
  }

  /** Whether the record cannot be deserialized at all (as opposed to refused by validation). */
  boolean unreadable() {
    return reason == null;
  }

  /** The expected {@code plumbline.dlq.reason} header, or null when none is written. */
  String reasonHeader() {
    return reason == null ? null : reason.name();
  }

  /** The expected {@code __streams.errors.exception} header. */
  String exceptionHeader() {
    return exception.getName();
  }

  /** The expected {@code reason} tag of {@code plumbline_dead_letters_total}. */
  String metricReason() {
    return reason == null ? exception.getSimpleName() : reason.name();
  }
}
