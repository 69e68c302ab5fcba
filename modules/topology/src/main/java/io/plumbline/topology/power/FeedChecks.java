package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.UsablePower;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import io.plumbline.topology.telemetry.Assessment;
import io.plumbline.topology.telemetry.Measurement;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks on one feed's latest closed window against its design:
 *
 * <ul>
 *   <li>FEED_OVER_BUDGET: mean power in percent of usable power, through the policy's hysteresis
 *       (WARNING from 80 %, CRITICAL from 100 %, cleared below 75 %);
 *   <li>PHASE_OVERLOAD (CRITICAL): a phase's mean current over amps x max utilisation, cleared
 *       below 95 % of it;
 *   <li>PHASE_IMBALANCE (WARNING, three-phase only): (max - min) / mean phase current over 20 %,
 *       cleared below 15 %, decided only above the minimum load;
 *   <li>LOAD_ON_UNUSED_FEED (WARNING): load on a feed whose status is not active or to which the
 *       design allocates no draw.
 * </ul>
 *
 * Every level goes through the policy's {@link io.plumbline.topology.telemetry.Hysteresis}, so a
 * value hovering at a threshold does not flap. Without a window nothing is decided. Observed values
 * name the band, not the number, so a load moving inside a band makes no transition; the numbers go
 * to the detail and to the alert.
 */
final class FeedChecks {

  /** The checks with hysteresis state. */
  static final List<DiscrepancyType> TYPES =
      List.of(
          DiscrepancyType.FEED_OVER_BUDGET,
          DiscrepancyType.PHASE_OVERLOAD,
          DiscrepancyType.PHASE_IMBALANCE);

  private FeedChecks() {}

  static Assessment assess(
      FeedContext context, Map<DiscrepancyType, Severity> previous, PowerPolicy policy) {
    Map<DiscrepancyType, Severity> levels = new EnumMap<>(DiscrepancyType.class);
    FeedWindow window = context.window();
    if (window == null || window.getReadings() == 0) {
      return new Assessment(TelemetryVerdict.undecided(), levels);
    }
    IntentPowerFeed feed = context.feed();
    Subject subject = IntentSubjects.feed(feed);
    Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    List<Finding> findings = new ArrayList<>();
    List<Measurement> measurements = new ArrayList<>();
    double meanWatts = FeedWindows.meanWatts(window);
    String span = " over " + window.getWindowStart() + " to " + window.getWindowEnd();

    double usable = UsablePower.wattsOf(feed);
    if (usable > 0) {
      double percent = meanWatts / usable * 100.0;
      Severity level =
          policy.feedLoad().next(previous.get(DiscrepancyType.FEED_OVER_BUDGET), percent);
      decided.add(DiscrepancyType.FEED_OVER_BUDGET);
      levels.put(DiscrepancyType.FEED_OVER_BUDGET, level);
      measurements.add(
          measurement(DiscrepancyType.FEED_OVER_BUDGET, subject, window, meanWatts, usable, "W"));
      if (level != null) {
        findings.add(
            new Finding(
                DiscrepancyType.FEED_OVER_BUDGET,
                DiscrepancyDomain.POWER,
                level,
                subject,
                UsablePower.of(feed).orElseThrow().explain(),
                band(level, policy),
                format("mean %,.0f W = %.1f %% of usable", meanWatts, percent) + span));
      }
    }

    Map<String, Double> phases = FeedWindows.meanPhaseAmps(window);
    if (!phases.isEmpty() && feed.getAmperage() > 0) {
      checkPhases(
          feed, subject, window, phases, policy, previous, levels, findings, measurements, span);
      decided.addAll(levels.keySet());
    }

    decided.add(DiscrepancyType.LOAD_ON_UNUSED_FEED);
    String unusedBecause = unusedBecause(feed);
    if (unusedBecause != null && meanWatts > policy.unusedFeedLoadWatts()) {
      findings.add(
          new Finding(
              DiscrepancyType.LOAD_ON_UNUSED_FEED,
              DiscrepancyDomain.POWER,
              Severity.WARNING,
              subject,
              "no load: " + unusedBecause,
              format("load above %.0f W", policy.unusedFeedLoadWatts()),
              format("mean %,.0f W", meanWatts) + span));
    }
    return new Assessment(
        new TelemetryVerdict(new Evaluation(decided, findings), measurements), levels);
  }

  private static void checkPhases(
      IntentPowerFeed feed,
      Subject subject,
      FeedWindow window,
      Map<String, Double> phases,
      PowerPolicy policy,
      Map<DiscrepancyType, Severity> previous,
      Map<DiscrepancyType, Severity> levels,
      List<Finding> findings,
      List<Measurement> measurements,
      String span) {
    double limit = UsablePower.phaseAmps(feed);
    Map.Entry<String, Double> highest =
        Collections.max(phases.entrySet(), Map.Entry.comparingByValue());
    Severity overload =
        policy
            .phaseOverload()
            .next(previous.get(DiscrepancyType.PHASE_OVERLOAD), highest.getValue() / limit * 100);
    levels.put(DiscrepancyType.PHASE_OVERLOAD, overload);
    measurements.add(
        measurement(
            DiscrepancyType.PHASE_OVERLOAD, subject, window, highest.getValue(), limit, "A"));
    if (overload != null) {
      findings.add(
          new Finding(
              DiscrepancyType.PHASE_OVERLOAD,
              DiscrepancyDomain.POWER,
              overload,
              subject,
              format(
                  "at most %.1f A per phase (%.0f A x %.0f %%)",
                  limit, feed.getAmperage(), feed.getMaxUtilizationPercent()),
              format(
                  "phase %s over the limit (until below %.0f %% of it)",
                  highest.getKey(), policy.phaseOverload().clearCritical()),
              format("phase %s mean %.1f A", highest.getKey(), highest.getValue()) + span));
    }

    if (!UsablePower.threePhase(feed) || phases.size() < 3) {
      return;
    }
    double lowest = Collections.min(phases.values());
    double mean = phases.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    if (mean < feed.getAmperage() * policy.phaseImbalanceMinLoadPercent() / 100.0) {
      // decided (an idle feed is not imbalanced) and cleared
      levels.put(DiscrepancyType.PHASE_IMBALANCE, null);
      return;
    }
    double imbalance = (highest.getValue() - lowest) / mean * 100.0;
    Severity level =
        policy.phaseImbalance().next(previous.get(DiscrepancyType.PHASE_IMBALANCE), imbalance);
    levels.put(DiscrepancyType.PHASE_IMBALANCE, level);
    if (level != null) {
      findings.add(
          new Finding(
              DiscrepancyType.PHASE_IMBALANCE,
              DiscrepancyDomain.POWER,
              level,
              subject,
              format(
                  "phase currents within %.0f %% of their mean", policy.phaseImbalance().warning()),
              format(
                  "imbalance over %.0f %% (until below %.0f %%)",
                  policy.phaseImbalance().warning(), policy.phaseImbalance().clearWarning()),
              format(
                      "imbalance %.1f %%: max %.1f A, min %.1f A, mean %.1f A",
                      imbalance, highest.getValue(), lowest, mean)
                  + span));
    }
  }

  /** Why the design says the feed carries nothing, or null if it may carry load. */
  private static String unusedBecause(IntentPowerFeed feed) {
    if (!"active".equalsIgnoreCase(feed.getStatus())) {
      return "feed status " + feed.getStatus();
    }
    Double allocated = feed.getAllocatedDrawWatts();
    if (allocated != null && allocated <= 0) {
      return "no draw allocated on this feed";
    }
    return null;
  }

  private static String band(Severity level, PowerPolicy policy) {
    return level == Severity.CRITICAL
        ? format(
            "mean load reached %.0f %% of usable (CRITICAL until below %.0f %%)",
            policy.feedLoad().critical(), policy.feedLoad().clearCritical())
        : format(
            "mean load reached %.0f %% of usable (WARNING until below %.0f %%)",
            policy.feedLoad().warning(), policy.feedLoad().clearWarning());
  }

  private static Measurement measurement(
      DiscrepancyType type,
      Subject subject,
      FeedWindow window,
      double measured,
      double budget,
      String unit) {
    return new Measurement(
        type, subject, window.getWindowStart(), window.getWindowEnd(), measured, budget, unit);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
