package io.plumbline.topology.power;

import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/** Subjects of power discrepancies: feeds and racks, with their NetBox id and link when known. */
final class PowerSubjects {

  private PowerSubjects() {}

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

  /** A feed known only by the id its telemetry carries (a NetBox feed id by contract). */
  static Subject feedId(String feedId, String rackId) {
    return Subject.newBuilder()
        .setKind(SubjectKind.POWER_FEED)
        .setId(feedId)
        .setNetboxId(feedId)
        .setRackId(rackId)
        .build();
  }
}
