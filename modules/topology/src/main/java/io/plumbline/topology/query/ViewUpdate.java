package io.plumbline.topology.query;

import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.avro.v1.Discrepancy;

/**
 * One change to a discrepancy's view: a transition from the discrepancy topic, or an
 * acknowledgement (or its withdrawal, a tombstone) from the acknowledgement topic. Never
 * serialized: it only carries the two sources into one processor.
 */
record ViewUpdate(Discrepancy transition, Acknowledgement acknowledgement, boolean withdrawn) {

  static ViewUpdate transition(Discrepancy transition) {
    return new ViewUpdate(transition, null, false);
  }

  /** A null acknowledgement is a tombstone: the acknowledgement is withdrawn. */
  static ViewUpdate acknowledgement(Acknowledgement acknowledgement) {
    return new ViewUpdate(null, acknowledgement, acknowledgement == null);
  }
}
