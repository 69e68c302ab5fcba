package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import io.plumbline.topology.telemetry.Measurement;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.util.ArrayList;
import java.util.Collections;
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
 *   <li>PHASE_OVERLOAD (CRITICAL): a phase's mean current over amps x max utilisation;
 *   <li>PHASE_IMBALANCE (WARNING, three-phase only): (max - min) / mean phase current over the
 *       threshold, decided only above the minimum load;
 *   <li>LOAD_ON_UNUSED_FEED (WARNING): load on a feed whose status is not active or to which the
 *       design allocates no draw.
 * </ul>
 *
 * Without a window nothing is decided. Observed values name the band, not the number, so a load
 * moving inside a band makes no transition; the numbers go to the detail and to the alert.
 */
final class FeedChecks {

  /** The verdict, and the FEED_OVER_BUDGET level to remember for the next window. */
  record Assessment(TelemetryVerdict verdict, Severity loadLevel) {}

  private FeedChecks() {}

  static Assessment assess(FeedContext context, Severity previousLevel, PowerPolicy policy) {
    FeedWindow window = context.window();
    if (window == null || window.getReadings() == 0) {
      return new Assessment(TelemetryVerdict.undecided(), previousLevel);
    }
    IntentPowerFeed feed = context.feed();
    Subject subject = IntentSubjects.feed(feed);
    Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    List<Finding> findings = new ArrayList<>();
    List<Measurement> measurements = new ArrayList<>();
    double meanWatts = FeedWindows.meanWatts(window);
    String span = " over " + window.getWindowStart() + " to " + window.getWindowEnd();

    Severity level = previousLevel;
    double usable = UsablePower.watts(feed);
    if (usable > 0) {
      double percent = meanWatts / usable * 100.0;
      level = policy.feedLoad().next(previousLevel, percent);
      decided.add(DiscrepancyType.FEED_OVER_BUDGET);
      measurements.add(
          measurement(DiscrepancyType.FEED_OVER_BUDGET, subject, window, meanWatts, usable, "W"));
      if (level != null) {
        findings.add(
            new Finding(
                DiscrepancyType.FEED_OVER_BUDGET,
                DiscrepancyDomain.POWER,
                level,
                subject,
                UsablePower.explain(feed),
                band(level, policy),
                format("mean %,.0f W = %.1f %% of usable", meanWatts, percent) + span));
      }
    }

    Map<String, Double> phases = FeedWindows.meanPhaseAmps(window);
    if (!phases.isEmpty() && feed.getAmperage() > 0) {
      checkPhases(feed, subject, window, phases, policy, decided, findings, measurements, span);
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
        new TelemetryVerdict(new Evaluation(decided, findings), measurements), level);
  }

  private static void checkPhases(
      IntentPowerFeed feed,
      Subject subject,
      FeedWindow window,
      Map<String, Double> phases,
      PowerPolicy policy,
      Set<DiscrepancyType> decided,
      List<Finding> findings,
      List<Measurement> measurements,
      String span) {
    double limit = UsablePower.phaseAmps(feed);
    Map.Entry<String, Double> highest =
        Collections.max(phases.entrySet(), Map.Entry.comparingByValue());
    decided.add(DiscrepancyType.PHASE_OVERLOAD);
    measurements.add(
        measurement(
            DiscrepancyType.PHASE_OVERLOAD, subject, window, highest.getValue(), limit, "A"));
    if (highest.getValue() > limit) {
      findings.add(
          new Finding(
              DiscrepancyType.PHASE_OVERLOAD,
              DiscrepancyDomain.POWER,
              Severity.CRITICAL,
              subject,
              format(
                  "at most %.1f A per phase (%.0f A x %.0f %%)",
                  limit, feed.getAmperage(), feed.getMaxUtilizationPercent()),
              "phase " + highest.getKey() + " over the limit",
              format("phase %s mean %.1f A", highest.getKey(), highest.getValue()) + span));
    }

    if (!UsablePower.threePhase(feed) || phases.size() < 3) {
      return;
    }
    double lowest = Collections.min(phases.values());
    double mean = phases.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
    decided.add(DiscrepancyType.PHASE_IMBALANCE);
    if (mean < feed.getAmperage() * policy.phaseImbalanceMinLoadPercent() / 100.0) {
      return;
    }
    double imbalance = (highest.getValue() - lowest) / mean * 100.0;
    if (imbalance > policy.phaseImbalancePercent()) {
      findings.add(
          new Finding(
              DiscrepancyType.PHASE_IMBALANCE,
              DiscrepancyDomain.POWER,
              Severity.WARNING,
              subject,
              format("phase currents within %.0f %% of their mean", policy.phaseImbalancePercent()),
              format("imbalance over %.0f %%", policy.phaseImbalancePercent()),
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
