package io.plumbline.topology.cabling;

import io.plumbline.avro.internal.v1.PlannedLink;
import io.plumbline.avro.v1.LldpNeighbor;
import java.util.List;
import java.util.Objects;

/**
 * The neighbour a server port reports over LLDP, as reported (trimmed). Compared with a planned
 * peer through {@link InterfaceNames}; a part the BMC did not report is unknown, never a mismatch.
 */
record SeenPeer(String systemName, String portId, String chassisId) {

  /** How a seen peer compares with the planned peers of its port. */
  enum Match {
    /** It is one of the planned peers. */
    PLANNED,
    /** It differs from every planned peer in its name or port. */
    DIFFERENT,
    /** Too little was reported to tell. */
    UNKNOWN
  }

  /** The neighbour, or null when the port reports none (no record, or every part blank). */
  static SeenPeer of(LldpNeighbor neighbor) {
    if (neighbor == null) {
      return null;
    }
    SeenPeer peer =
        new SeenPeer(
            stripped(neighbor.getSystemName()),
            stripped(neighbor.getPortId()),
            stripped(neighbor.getChassisId()));
    return peer.systemName == null && peer.portId == null && peer.chassisId == null ? null : peer;
  }

  Match against(List<PlannedLink> planned) {
    String name = InterfaceNames.deviceName(systemName);
    String port = InterfaceNames.switchPort(portId);
    boolean allDifferent = true;
    for (PlannedLink link : planned) {
      boolean nameDiffers =
          name != null && !name.equals(InterfaceNames.deviceName(link.getPeerDeviceName()));
      boolean portDiffers =
          port != null && !port.equals(InterfaceNames.switchPort(link.getPeerInterface()));
      if (nameDiffers || portDiffers) {
        continue;
      }
      allDifferent = false;
      if (name != null && port != null) {
        return Match.PLANNED;
      }
    }
    return allDifferent ? Match.DIFFERENT : Match.UNKNOWN;
  }

  /** "leaf-04.dc2.example.com Eth1/5", or the chassis id when no name was reported. */
  String describe() {
    String who = systemName != null ? systemName : "chassis " + Objects.toString(chassisId, "?");
    return portId == null ? who : who + " " + portId;
  }

  private static String stripped(String raw) {
    return raw == null || raw.isBlank() ? null : raw.strip();
  }
}
