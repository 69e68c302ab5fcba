package io.plumbline.topology.installation;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.ReconciledDevice;
import java.util.List;

/**
 * What one re-evaluation of a device produced: discrepancy transitions (often none) and the
 * device's reconciled state, or null when the device left the design.
 */
public record DeviceVerdict(List<Discrepancy> transitions, ReconciledDevice reconciled) {

  public DeviceVerdict {
    transitions = List.copyOf(transitions);
  }
}
