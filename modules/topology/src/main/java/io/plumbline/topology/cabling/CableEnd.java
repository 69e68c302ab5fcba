package io.plumbline.topology.cabling;

import io.plumbline.avro.internal.v1.PlannedLink;
import io.plumbline.avro.v1.IntentCable;

/**
 * One end of a NetBox cable. NetBox lists a server on the A or the B side at random, so each cable
 * is seen from both ends and the cabling check evaluates the end whose device has an observation.
 */
enum CableEnd {
  A,
  B;

  /** The NetBox id of the device at this end; null when the cable does not end on a device. */
  String deviceId(IntentCable cable) {
    String id = this == A ? cable.getADeviceId() : cable.getBDeviceId();
    return id == null || id.isBlank() ? null : id.strip();
  }

  /** The cable as seen from this end: this end's interface is local, the other end is the peer. */
  PlannedLink link(IntentCable cable) {
    boolean a = this == A;
    return PlannedLink.newBuilder()
        .setCableId(cable.getId())
        .setLocalInterface(a ? cable.getAInterface() : cable.getBInterface())
        .setPeerDeviceId(a ? cable.getBDeviceId() : cable.getADeviceId())
        .setPeerDeviceName(a ? cable.getBDeviceName() : cable.getADeviceName())
        .setPeerInterface(a ? cable.getBInterface() : cable.getAInterface())
        .setStatus(cable.getStatus())
        .setLabel(cable.getLabel())
        .setUrl(cable.getUrl())
        .build();
  }
}
