package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.v1.IntentPowerFeed;
import java.util.Objects;

/** A feed of the design joined with its latest closed window of telemetry (null until one). */
record FeedContext(IntentPowerFeed feed, FeedWindow window) {

  FeedContext {
    Objects.requireNonNull(feed, "feed");
  }
}
