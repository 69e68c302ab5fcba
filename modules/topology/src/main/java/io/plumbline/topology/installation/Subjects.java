package io.plumbline.topology.installation;

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
}
