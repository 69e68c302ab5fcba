package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.internal.v1.FeedLoad;
import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.internal.v1.PhaseWindow;
import io.plumbline.avro.internal.v1.RackLoad;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.serde.AvroJson;
import io.plumbline.topology.UsablePower;
import java.time.Clock;
import org.apache.avro.generic.IndexedRecord;

/**
 * Turns a store value into the JSON the API serves, on the instance that holds it, so that what
 * crosses between instances is already the public shape. Internal records (windows, loads) are
 * reduced to what they mean (means, utilisation) rather than served raw.
 */
final class StoreJson {

  private final Clock clock;

  StoreJson(Clock clock) {
    this.clock = clock;
  }

  /** The value as API JSON, or null when there is nothing to serve for it yet. */
  ObjectNode of(ApiStore store, Object value, boolean withHistory) {
    if (value == null) {
      return null;
    }
    return switch (store) {
      case DISCREPANCIES ->
          DiscrepancyJson.of((DiscrepancyView) value, clock.instant(), withHistory);
      case FEEDS -> feed((IntentPowerFeed) value);
      case FEED_WINDOWS -> window((FeedWindow) value);
      case RACK_LOADS -> rackLoad((RackLoad) value);
      case FEED_LOADS -> feedLoad((FeedLoad) value);
      case DEVICES, RACKS, DEVICE_TYPES -> AvroJson.toJson((IndexedRecord) value);
    };
  }

  private static ObjectNode feed(IntentPowerFeed feed) {
    ObjectNode node = AvroJson.toJson(feed);
    UsablePower.of(feed)
        .ifPresent(
            usable -> {
              node.put("usableWatts", usable.wholeWatts());
              node.put("usablePowerFormula", usable.explain());
            });
    return node;
  }

  /** The latest closed window: its bounds, reading count, mean power and mean phase currents. */
  private static ObjectNode window(FeedWindow window) {
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    node.put("windowStart", window.getWindowStart().toString());
    node.put("windowEnd", window.getWindowEnd().toString());
    node.put("readings", window.getReadings());
    if (window.getReadings() > 0) {
      node.put("meanWatts", window.getPowerSumWatts() / window.getReadings());
    } else {
      node.putNull("meanWatts");
    }
    ArrayNode phases = node.putArray("phases");
    for (PhaseWindow phase : window.getPhases()) {
      if (phase.getSamples() > 0) {
        phases
            .addObject()
            .put("phase", phase.getPhase())
            .put("meanAmps", phase.getCurrentSumAmps() / phase.getSamples());
      }
    }
    return node;
  }

  private static ObjectNode rackLoad(RackLoad load) {
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    node.put("rackId", load.getRackId());
    ArrayNode feeds = node.putArray("feeds");
    for (FeedLoad feed : load.getFeeds()) {
      feeds.add(feedLoad(feed));
    }
    return node;
  }

  private static ObjectNode feedLoad(FeedLoad feed) {
    ObjectNode f = ApiResponse.JSON.createObjectNode();
    f.put("feedId", feed.getFeedId());
    f.put("rackId", feed.getRackId());
    f.put("side", feed.getSide());
    f.put("usableWatts", Math.round(feed.getUsableWatts()));
    if (feed.getMeanWatts() != null) {
      f.put("meanWatts", feed.getMeanWatts());
      f.put("utilisation", utilisation(feed.getMeanWatts(), feed.getUsableWatts()));
      f.put("windowStart", feed.getWindowStart().toString());
      f.put("windowEnd", feed.getWindowEnd().toString());
    } else {
      f.putNull("meanWatts");
      f.putNull("utilisation");
    }
    return f;
  }

  /** Load as a fraction of usable power (1.0 = at the continuous-load limit). */
  static double utilisation(double meanWatts, double usableWatts) {
    return usableWatts <= 0 ? 0.0 : meanWatts / usableWatts;
  }
}
