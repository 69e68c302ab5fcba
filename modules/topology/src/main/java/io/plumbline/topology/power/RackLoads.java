package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedLoad;
import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.internal.v1.RackLoad;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.topology.UsablePower;
import java.util.ArrayList;
import java.util.List;

/** Builds the per-rack view of feed loads: one entry per designed feed of the rack. */
final class RackLoads {

  private RackLoads() {}

  /** The feed's load for its rack, or null for a feed that is in no rack. */
  static FeedLoad of(FeedContext context) {
    IntentPowerFeed feed = context.feed();
    if (feed.getRackId() == null || feed.getRackId().isBlank()) {
      return null;
    }
    FeedLoad.Builder load =
        FeedLoad.newBuilder()
            .setFeedId(feed.getId())
            .setRackId(feed.getRackId())
            .setSide(feed.getSide())
            .setUsableWatts(UsablePower.wattsOf(feed));
    FeedWindow window = context.window();
    if (window != null && window.getReadings() > 0) {
      load.setMeanWatts(FeedWindows.meanWatts(window))
          .setWindowStart(window.getWindowStart())
          .setWindowEnd(window.getWindowEnd());
    }
    return load.build();
  }

  static RackLoad empty() {
    return RackLoad.newBuilder().setRackId("").build();
  }

  static RackLoad put(String rackId, FeedLoad load, RackLoad rack) {
    List<FeedLoad> feeds = without(rack, load.getFeedId());
    feeds.add(load);
    return RackLoad.newBuilder().setRackId(rackId).setFeeds(feeds).build();
  }

  static RackLoad remove(String rackId, FeedLoad load, RackLoad rack) {
    return RackLoad.newBuilder()
        .setRackId(rackId)
        .setFeeds(without(rack, load.getFeedId()))
        .build();
  }

  private static List<FeedLoad> without(RackLoad rack, String feedId) {
    List<FeedLoad> feeds = new ArrayList<>();
    for (FeedLoad feed : rack.getFeeds()) {
      if (!feed.getFeedId().equals(feedId)) {
        feeds.add(feed);
      }
    }
    return feeds;
  }
}
