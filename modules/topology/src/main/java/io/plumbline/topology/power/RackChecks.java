package io.plumbline.topology.power;

import io.plumbline.avro.internal.v1.FeedLoad;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import io.plumbline.topology.telemetry.Hysteresis;
import io.plumbline.topology.telemetry.Measurement;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks on one rack's measured load, the sum of the latest window means of its designed feeds:
 *
 * <ul>
 *   <li>RACK_OVER_BUDGET (CRITICAL): the load reaches the rack's power budget;
 *   <li>AB_HEADROOM_VIOLATED (CRITICAL): on a rack fed from sides A and B, the load reaches the
 *       usable power of the weaker side, so the rack could not survive the loss of the other.
 * </ul>
 *
 * Both clear below 95 % (hysteresis). A feed without telemetry yet makes the sum a lower bound: it
 * can prove an overrun, never its absence, so the check stays undecided until every feed reported.
 */
final class RackChecks {

  /** The verdict, and the levels to remember for the next evaluation. */
  record Assessment(TelemetryVerdict verdict, Map<DiscrepancyType, Severity> levels) {}

  static final List<DiscrepancyType> TYPES =
      List.of(DiscrepancyType.RACK_OVER_BUDGET, DiscrepancyType.AB_HEADROOM_VIOLATED);

  private RackChecks() {}

  static Assessment assess(
      RackContext context, Map<DiscrepancyType, Severity> previous, PowerPolicy policy) {
    List<FeedLoad> feeds = context.load() == null ? List.of() : context.load().getFeeds();
    List<FeedLoad> measured = feeds.stream().filter(f -> f.getMeanWatts() != null).toList();
    Map<DiscrepancyType, Severity> levels = new EnumMap<>(DiscrepancyType.class);
    levels.putAll(previous);
    if (measured.isEmpty()) {
      return new Assessment(TelemetryVerdict.undecided(), levels);
    }
    IntentRack rack = context.rack();
    Subject subject = IntentSubjects.rack(rack);
    boolean complete = measured.size() == feeds.size();
    double load = measured.stream().mapToDouble(FeedLoad::getMeanWatts).sum();
    FeedLoad latest = measured.stream().max(Comparator.comparing(FeedLoad::getWindowEnd)).get();
    Instant start = latest.getWindowStart();
    Instant end = latest.getWindowEnd();
    String detail =
        format("mean load %,.0f W over %d of %d feeds", load, measured.size(), feeds.size())
            + " in the window ending "
            + end;

    Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    List<Finding> findings = new ArrayList<>();
    List<Measurement> measurements = new ArrayList<>();
    Hysteresis hysteresis = policy.rackLoad();

    Double budget = rack.getPowerBudgetWatts();
    if (budget != null && budget > 0) {
      Severity level =
          hysteresis.next(previous.get(DiscrepancyType.RACK_OVER_BUDGET), load / budget * 100.0);
      if (complete || level != null) {
        decided.add(DiscrepancyType.RACK_OVER_BUDGET);
        levels.put(DiscrepancyType.RACK_OVER_BUDGET, level);
        measurements.add(
            new Measurement(
                DiscrepancyType.RACK_OVER_BUDGET, subject, start, end, load, budget, "W"));
        if (level != null) {
          findings.add(
              new Finding(
                  DiscrepancyType.RACK_OVER_BUDGET,
                  DiscrepancyDomain.POWER,
                  level,
                  subject,
                  format("load at most the rack budget, %,.0f W", budget),
                  format(
                      "load reached %.0f %% of the budget (until below %.0f %%)",
                      hysteresis.critical(), hysteresis.clearCritical()),
                  detail));
        }
      }
    }

    double sideA = usable(feeds, "A");
    double sideB = usable(feeds, "B");
    if (sideA > 0 && sideB > 0) {
      double oneSide = Math.min(sideA, sideB);
      Severity level =
          hysteresis.next(previous.get(DiscrepancyType.AB_HEADROOM_VIOLATED), load / oneSide * 100);
      if (complete || level != null) {
        decided.add(DiscrepancyType.AB_HEADROOM_VIOLATED);
        levels.put(DiscrepancyType.AB_HEADROOM_VIOLATED, level);
        measurements.add(
            new Measurement(
                DiscrepancyType.AB_HEADROOM_VIOLATED, subject, start, end, load, oneSide, "W"));
        if (level != null) {
          findings.add(
              new Finding(
                  DiscrepancyType.AB_HEADROOM_VIOLATED,
                  DiscrepancyDomain.POWER,
                  level,
                  subject,
                  format("A+B load within one side's usable power, %,.0f W", oneSide),
                  format(
                      "A+B load reached %.0f %% of one side (until below %.0f %%)",
                      hysteresis.critical(), hysteresis.clearCritical()),
                  detail + format("; side A usable %,.0f W, side B %,.0f W", sideA, sideB)));
        }
      }
    }
    return new Assessment(
        new TelemetryVerdict(new Evaluation(decided, findings), measurements), levels);
  }

  private static double usable(List<FeedLoad> feeds, String side) {
    return feeds.stream()
        .filter(f -> f.getSide() != null && side.equalsIgnoreCase(f.getSide().strip()))
        .mapToDouble(FeedLoad::getUsableWatts)
        .sum();
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
