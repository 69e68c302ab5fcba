package io.plumbline.topology;

import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/**
 * Discrepancy subjects for design objects, carrying the NetBox id and link, so every domain that
 * reports on a rack or a feed names it the same way.
 */
public final class IntentSubjects {

  private IntentSubjects() {}

  public static Subject rack(IntentRack rack) {
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

  public static Subject feed(IntentPowerFeed feed) {
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

  /** A feed known only by the id its telemetry carries (a NetBox feed id by contract). */
  public static Subject feedId(String feedId, String rackId) {
    return Subject.newBuilder()
        .setKind(SubjectKind.POWER_FEED)
        .setId(feedId)
        .setNetboxId(feedId)
        .setRackId(rackId)
        .build();
  }
}
