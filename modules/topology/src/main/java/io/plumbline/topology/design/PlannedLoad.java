package io.plumbline.topology.design;

import io.plumbline.avro.internal.v1.PlannedRackLoad;
import java.util.Map;
import java.util.TreeMap;

/**
 * The load the design plans for a rack: the sum of the known device draws (watts in, which is also
 * heat out), and how many devices have no known draw yet. With unknown draws the sum is a lower
 * bound: enough to prove an overrun, never enough to clear one.
 *
 * @param knownWatts sum of the known planned draws
 * @param devices devices the design puts in the rack
 * @param devicesWithoutDraw devices whose draw is not known yet
 */
record PlannedLoad(double knownWatts, int devices, int devicesWithoutDraw) {

  static final PlannedLoad NONE = new PlannedLoad(0, 0, 0);

  /** The load of an aggregate; no aggregate means no device in the rack. */
  static PlannedLoad of(PlannedRackLoad load) {
    if (load == null) {
      return NONE;
    }
    // Summed in device id order so the same devices always give the same total to the last bit.
    Map<String, Double> draws = new TreeMap<>(load.getDrawWattsByDevice());
    double known = 0;
    int unknown = 0;
    for (Double draw : draws.values()) {
      if (draw == null) {
        unknown++;
      } else {
        known += draw;
      }
    }
    return new PlannedLoad(known, draws.size(), unknown);
  }

  /** Whether every device's draw is known, so the sum is the planned load itself. */
  boolean complete() {
    return devicesWithoutDraw == 0;
  }

  /** The amount in words: {@code 57200 W}, or {@code at least 45700 W} when incomplete. */
  String amount() {
    return (complete() ? "" : "at least ") + Watts.of(knownWatts);
  }

  /** Where it comes from: {@code from 4 devices}, {@code from 3 of 4 devices, 1 without a draw}. */
  String source() {
    if (complete()) {
      return "from " + devices + (devices == 1 ? " device" : " devices");
    }
    return "from "
        + (devices - devicesWithoutDraw)
        + " of "
        + devices
        + " devices, "
        + devicesWithoutDraw
        + " without a known draw";
  }
}
