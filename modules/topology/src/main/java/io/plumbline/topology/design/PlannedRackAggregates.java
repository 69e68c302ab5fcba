package io.plumbline.topology.design;

import io.plumbline.avro.internal.v1.PlannedDeviceDraw;
import io.plumbline.avro.internal.v1.PlannedRackFeeds;
import io.plumbline.avro.internal.v1.PlannedRackLoad;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adders and subtractors of the per-rack aggregates. Entries are keyed by device or feed id, so a
 * moved, changed or deleted device or feed replaces or removes exactly its own entry, and replaying
 * an update cannot count it twice.
 */
final class PlannedRackAggregates {

  private PlannedRackAggregates() {}

  /** The draw the design plans for a device of this type: allocated, else maximum, else null. */
  static Double plannedDraw(IntentDeviceType type) {
    if (type == null) {
      return null;
    }
    return type.getAllocatedDrawWatts() != null
        ? type.getAllocatedDrawWatts()
        : type.getMaximumDrawWatts();
  }

  static PlannedRackLoad emptyLoad() {
    return new PlannedRackLoad(Map.of());
  }

  static PlannedRackLoad addDevice(String rackId, PlannedDeviceDraw draw, PlannedRackLoad load) {
    Map<String, Double> draws = new TreeMap<>(load.getDrawWattsByDevice());
    draws.put(draw.getDeviceId(), draw.getDrawWatts());
    return new PlannedRackLoad(draws);
  }

  static PlannedRackLoad removeDevice(String rackId, PlannedDeviceDraw draw, PlannedRackLoad load) {
    Map<String, Double> draws = new TreeMap<>(load.getDrawWattsByDevice());
    draws.remove(draw.getDeviceId());
    return new PlannedRackLoad(draws);
  }

  static PlannedRackFeeds emptyFeeds() {
    return new PlannedRackFeeds(Map.of());
  }

  static PlannedRackFeeds addFeed(String rackId, IntentPowerFeed feed, PlannedRackFeeds feeds) {
    Map<String, IntentPowerFeed> byId = new TreeMap<>(feeds.getFeedsById());
    byId.put(feed.getId(), feed);
    return new PlannedRackFeeds(byId);
  }

  static PlannedRackFeeds removeFeed(String rackId, IntentPowerFeed feed, PlannedRackFeeds feeds) {
    Map<String, IntentPowerFeed> byId = new TreeMap<>(feeds.getFeedsById());
    byId.remove(feed.getId());
    return new PlannedRackFeeds(byId);
  }
}
