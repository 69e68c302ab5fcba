package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.ObservationMatch;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/** Subjects of installation discrepancies, carrying the NetBox id and link when known. */
final class Subjects {

  private Subjects() {}

  static Subject device(IntentDevice device) {
    return Subject.newBuilder()
        .setKind(SubjectKind.DEVICE)
        .setId(device.getId())
        .setName(device.getName())
        .setNetboxId(device.getId())
        .setUrl(device.getUrl())
        .setSiteId(device.getSiteId())
        .setRackId(device.getRackId())
        .build();
  }

  /** A BMC no intended device is matched to: named by its host name, else its address. */
  static Subject bmc(ObservationMatch match) {
    String name = match.getHostName() != null ? match.getHostName() : match.getBmcAddress();
    return Subject.newBuilder()
        .setKind(SubjectKind.BMC)
        .setId(match.getBmcId())
        .setName(name)
        .build();
  }
}
