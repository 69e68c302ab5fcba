package io.plumbline.topology.cooling;

import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/** Subjects of cooling discrepancies: sensors, with the rack they sit in when known. */
final class CoolingSubjects {

  private CoolingSubjects() {}

  static Subject sensor(String sensorId, String rackId) {
    return Subject.newBuilder()
        .setKind(SubjectKind.SENSOR)
        .setId(sensorId)
        .setName(sensorId)
        .setRackId(rackId)
        .build();
  }
}
