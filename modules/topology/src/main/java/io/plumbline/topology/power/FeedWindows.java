package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.internal.v1.PhaseWindow;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums a feed's readings over a window, and reads the means back. */
final class FeedWindows {

  private FeedWindows() {}

  static FeedWindow empty() {
    return FeedWindow.newBuilder().setFeedId("").build();
  }

  /** The window with one more reading; the input is not modified. */
  static FeedWindow add(String feedId, PowerReading reading, FeedWindow window) {
    Map<String, PhaseWindow> phases = new LinkedHashMap<>();
    for (PhaseWindow phase : window.getPhases()) {
      phases.put(phase.getPhase(), PhaseWindow.newBuilder(phase).build());
    }
    for (PhaseReading phase : reading.getPhases()) {
      PhaseWindow sum =
          phases.computeIfAbsent(
              phase.getPhase(), name -> PhaseWindow.newBuilder().setPhase(name).build());
      sum.setCurrentSumAmps(sum.getCurrentSumAmps() + phase.getCurrentAmps());
      sum.setSamples(sum.getSamples() + 1);
    }
    return FeedWindow.newBuilder(window)
        .setFeedId(feedId)
        .setReadings(window.getReadings() + 1)
        .setPowerSumWatts(window.getPowerSumWatts() + reading.getTotalPowerWatts())
        .setPhases(new ArrayList<>(phases.values()))
        .build();
  }

  /** Mean power over the window in watts; 0 for an empty window. */
  static double meanWatts(FeedWindow window) {
    return window.getReadings() == 0 ? 0.0 : window.getPowerSumWatts() / window.getReadings();
  }

  /** Mean current of each reported phase, in reading order. */
  static Map<String, Double> meanPhaseAmps(FeedWindow window) {
    Map<String, Double> means = new LinkedHashMap<>();
    List<PhaseWindow> phases = window.getPhases();
    for (PhaseWindow phase : phases) {
      if (phase.getSamples() > 0) {
        means.put(phase.getPhase(), phase.getCurrentSumAmps() / phase.getSamples());
      }
    }
    return means;
  }
}
