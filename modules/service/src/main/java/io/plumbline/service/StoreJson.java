package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.internal.v1.EnvironmentWindow;
import io.plumbline.avro.internal.v1.FeedLoad;
import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.internal.v1.KindWindow;
import io.plumbline.avro.internal.v1.PhaseWindow;
import io.plumbline.avro.internal.v1.RackLoad;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.serde.AvroJson;
import io.plumbline.topology.UsablePower;
import java.time.Clock;
import java.time.Instant;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.streams.kstream.Windowed;

/**
 * Turns a store value (or a window store's window) into the JSON the API serves, on the instance
 * that holds it, so that what crosses between instances is already the public shape. Internal
 * records (windows, loads) are reduced to what they mean (means, utilisation) rather than served
 * raw.
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
      case DEVICES, RACKS, DEVICE_TYPES, PLANNED_LINKS -> AvroJson.toJson((IndexedRecord) value);
      case DEVICE_CONTEXTS -> observedNics((DeviceContext) value);
      case FEED_HISTORY, SENSOR_WINDOWS ->
          throw new IllegalArgumentException(store + " holds windows: use ofWindow");
    };
  }

  /**
   * One window of a window store as API JSON, its bounds taken from the store's key (start) and the
   * value; null when there is nothing to serve.
   */
  ObjectNode ofWindow(ApiStore store, Windowed<String> windowed, Object value) {
    if (value == null) {
      return null;
    }
    String key = windowed.key();
    Instant start = windowed.window().startTime();
    Instant end = windowed.window().endTime();
    return switch (store) {
      case FEED_HISTORY -> {
        FeedWindow window = (FeedWindow) value;
        ObjectNode node = window(window);
        node.put("feedId", key);
        node.put("windowStart", start.toString());
        node.put("windowEnd", end.toString());
        yield node;
      }
      case SENSOR_WINDOWS -> sensorWindow(key, start, end, (EnvironmentWindow) value);
      default -> throw new IllegalArgumentException(store + " is not a window store");
    };
  }

  /**
   * What the cabling view needs of a device's context: whether and when it was observed, and the
   * NICs its BMC reports (port, link status, LLDP neighbour).
   */
  private static ObjectNode observedNics(DeviceContext context) {
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    node.put("deviceId", context.getDevice().getId());
    node.put("name", context.getDevice().getName());
    ObservedSystem observed = context.getObserved();
    node.put("observed", observed != null);
    ArrayNode nics = node.putArray("nics");
    if (observed != null) {
      node.put("observedAt", observed.getObservedAt().toString());
      for (ObservedNic nic : observed.getNics()) {
        nics.add(AvroJson.toJson(nic));
      }
    }
    return node;
  }

  /** A sensor's window: the mean of each kind it measured, with the unit. */
  private static ObjectNode sensorWindow(
      String sensorId, Instant start, Instant end, EnvironmentWindow window) {
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    node.put("sensorId", sensorId);
    node.put("rackId", window.getRackId());
    node.put("cduId", window.getCduId());
    node.put("windowStart", start.toString());
    node.put("windowEnd", end.toString());
    ArrayNode kinds = node.putArray("kinds");
    for (KindWindow kind : window.getKinds()) {
      if (kind.getSamples() > 0) {
        kinds
            .addObject()
            .put("kind", kind.getKind().name())
            .put("mean", kind.getValueSum() / kind.getSamples())
            .put("unit", kind.getUnit())
            .put("samples", kind.getSamples());
      }
    }
    return node;
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
