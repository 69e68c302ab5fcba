package io.plumbline.topology.design;

import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/** Subjects of design discrepancies, carrying the NetBox id and link. */
final class DesignSubjects {

  private DesignSubjects() {}

  static Subject rack(IntentRack rack) {
    return Subject.newBuilder()
        .setKind(SubjectKind.RACK)
        .setId(rack.getId())
        .setName(rack.getName())
        .setNetboxId(rack.getId())
        .setUrl(rack.getUrl())
        .setSiteId(rack.getSiteId())
        .setRackId(rack.getId())
        .build();
  }

  static Subject feed(IntentPowerFeed feed) {
    return Subject.newBuilder()
        .setKind(SubjectKind.POWER_FEED)
        .setId(feed.getId())
        .setName(feed.getName())
        .setNetboxId(feed.getId())
        .setUrl(feed.getUrl())
        .setSiteId(feed.getSiteId())
        .setRackId(feed.getRackId())
        .build();
  }
}
