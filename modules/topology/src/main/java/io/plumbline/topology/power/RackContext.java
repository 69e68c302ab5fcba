package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.RackLoad;
import io.plumbline.avro.v1.IntentRack;
import java.util.Objects;

/** A rack of the design joined with the loads of its designed feeds (null until it has feeds). */
record RackContext(IntentRack rack, RackLoad load) {

  RackContext {
    Objects.requireNonNull(rack, "rack");
  }
}
