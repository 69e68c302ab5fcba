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
import io.plumbline.topology.telemetry.Assessment;
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
import java.util.function.Function;

/**
 * The checks on one rack's measured load, the sum of the latest window means of its designed feeds:
 *
 * <ul>
 *   <li>RACK_OVER_BUDGET (CRITICAL): the load reaches the rack's power budget;
 *   <li>AB_HEADROOM_VIOLATED (CRITICAL): on a rack fed from sides A and B, the load reaches the
 *       usable power of the weaker side, so the rack could not survive the loss of the other;
 *   <li>RACK_HEAT_OVER_COOLING (domain COOLING): the heat the rack gives off, which is all the
 *       power its feeds deliver, against the rack's cooling capacity in the design: WARNING from 90
 *       %, CRITICAL from 100 % (policy {@link PowerPolicy#rackHeat()}).
 * </ul>
 *
 * The first two clear below 95 %; every level goes through the policy's hysteresis.
 *
 * <p>The sum is taken over one window: the latest window any feed of the rack closed. A feed whose
 * latest window is older (its window of the same minute is still on its way, or it stopped
 * reporting) or that never reported makes the sum a lower bound. A lower bound can prove a level,
 * never that the load is below one, so it may raise a check but leaves a lower level undecided.
 * Adding one feed's new window to another's old one would invent a load the rack never drew: the
 * windows of a minute close together but reach the rack one feed after the other.
 */
final class RackChecks {

  static final List<DiscrepancyType> TYPES =
      List.of(
          DiscrepancyType.RACK_OVER_BUDGET,
          DiscrepancyType.AB_HEADROOM_VIOLATED,
          DiscrepancyType.RACK_HEAT_OVER_COOLING);

  private RackChecks() {}

  static Assessment assess(
      RackContext context, Map<DiscrepancyType, Severity> previous, PowerPolicy policy) {
    List<FeedLoad> feeds = context.load() == null ? List.of() : context.load().getFeeds();
    Map<DiscrepancyType, Severity> levels = new EnumMap<>(DiscrepancyType.class);
    levels.putAll(previous);
    Instant end =
        feeds.stream()
            .filter(f -> f.getMeanWatts() != null)
            .map(FeedLoad::getWindowEnd)
            .max(Comparator.naturalOrder())
            .orElse(null);
    if (end == null) {
      return new Assessment(TelemetryVerdict.undecided(), levels);
    }
    List<FeedLoad> measured =
        feeds.stream()
            .filter(f -> f.getMeanWatts() != null && end.equals(f.getWindowEnd()))
            .toList();
    IntentRack rack = context.rack();
    Subject subject = IntentSubjects.rack(rack);
    boolean complete = measured.size() == feeds.size();
    double load = measured.stream().mapToDouble(FeedLoad::getMeanWatts).sum();
    Instant start = measured.get(0).getWindowStart();
    String detail =
        format("mean load %,.0f W over %d of %d feeds", load, measured.size(), feeds.size())
            + " in the window ending "
            + end;

    Judge judge = new Judge(subject, previous, levels, load, complete, start, end);
    Hysteresis rackLoad = policy.rackLoad();
    Double budget = rack.getPowerBudgetWatts();
    if (budget != null && budget > 0) {
      judge.against(
          DiscrepancyType.RACK_OVER_BUDGET,
          DiscrepancyDomain.POWER,
          rackLoad,
          budget,
          format("load at most the rack budget, %,.0f W", budget),
          level ->
              format(
                  "load reached %.0f %% of the budget (until below %.0f %%)",
                  rackLoad.critical(), rackLoad.clearCritical()),
          detail);
    }
    double sideA = usable(feeds, "A");
    double sideB = usable(feeds, "B");
    if (sideA > 0 && sideB > 0) {
      double oneSide = Math.min(sideA, sideB);
      judge.against(
          DiscrepancyType.AB_HEADROOM_VIOLATED,
          DiscrepancyDomain.POWER,
          rackLoad,
          oneSide,
          format("A+B load within one side's usable power, %,.0f W", oneSide),
          level ->
              format(
                  "A+B load reached %.0f %% of one side (until below %.0f %%)",
                  rackLoad.critical(), rackLoad.clearCritical()),
          detail + format("; side A usable %,.0f W, side B %,.0f W", sideA, sideB));
    }
    Double cooling = rack.getCoolingCapacityWatts();
    if (cooling != null && cooling > 0) {
      Hysteresis heat = policy.rackHeat();
      judge.against(
          DiscrepancyType.RACK_HEAT_OVER_COOLING,
          DiscrepancyDomain.COOLING,
          heat,
          cooling,
          format("heat within the rack's cooling capacity, %,.0f W", cooling),
          level -> heatBand(level, heat),
          detail + format(" (all of it heat) = %.1f %% of cooling", load / cooling * 100));
    }
    return new Assessment(judge.verdict(), levels);
  }

  /**
   * Judges the rack's load against one budget after another through their hysteresis, collecting
   * the verdict. A check is decided when every feed reported in the window, or when the known part
   * of the load already reaches at least the level the check is at (a lower bound proves an
   * overrun, never its absence).
   */
  private static final class Judge {

    private final Subject subject;
    private final Map<DiscrepancyType, Severity> previous;
    private final Map<DiscrepancyType, Severity> levels;
    private final double load;
    private final boolean complete;
    private final Instant start;
    private final Instant end;
    private final Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    private final List<Finding> findings = new ArrayList<>();
    private final List<Measurement> measurements = new ArrayList<>();

    Judge(
        Subject subject,
        Map<DiscrepancyType, Severity> previous,
        Map<DiscrepancyType, Severity> levels,
        double load,
        boolean complete,
        Instant start,
        Instant end) {
      this.subject = subject;
      this.previous = previous;
      this.levels = levels;
      this.load = load;
      this.complete = complete;
      this.start = start;
      this.end = end;
    }

    void against(
        DiscrepancyType type,
        DiscrepancyDomain domain,
        Hysteresis hysteresis,
        double budget,
        String expected,
        Function<Severity, String> observed,
        String detail) {
      Severity level = hysteresis.next(previous.get(type), load / budget * 100.0);
      if (!complete && (level == null || rank(level) < rank(previous.get(type)))) {
        return;
      }
      decided.add(type);
      levels.put(type, level);
      measurements.add(new Measurement(type, subject, start, end, load, budget, "W"));
      if (level != null) {
        findings.add(
            new Finding(type, domain, level, subject, expected, observed.apply(level), detail));
      }
    }

    TelemetryVerdict verdict() {
      return new TelemetryVerdict(new Evaluation(decided, findings), measurements);
    }
  }

  /** Orders levels, no alarm first; the schema lists severities from the least. */
  private static int rank(Severity level) {
    return level == null ? 0 : level.ordinal() + 1;
  }

  private static String heatBand(Severity level, Hysteresis heat) {
    return level == Severity.CRITICAL
        ? format(
            "heat reached %.0f %% of cooling capacity (CRITICAL until below %.0f %%)",
            heat.critical(), heat.clearCritical())
        : format(
            "heat reached %.0f %% of cooling capacity (WARNING until below %.0f %%)",
            heat.warning(), heat.clearWarning());
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
