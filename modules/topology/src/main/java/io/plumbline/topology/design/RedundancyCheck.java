package io.plumbline.topology.design;

import io.plumbline.avro.internal.v1.PlannedRackFeeds;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.UsablePower;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * RACK_AB_REDUNDANCY_INSUFFICIENT: a rack fed from sides A and B must survive the loss of either
 * side, so each side's usable power alone (the sum over its feeds) must carry the whole planned
 * load. Undecided while the rack lacks a side, while a feed's usable power is unknown, and while
 * devices without a known draw leave the load within the weaker side.
 */
final class RedundancyCheck {

  private static final DiscrepancyType TYPE = DiscrepancyType.RACK_AB_REDUNDANCY_INSUFFICIENT;

  private RedundancyCheck() {}

  /** The side of a redundant feed, {@code A} or {@code B}; null for any other feed. */
  static String sideOf(IntentPowerFeed feed) {
    String side = feed.getSide() == null ? "" : feed.getSide().trim().toUpperCase(Locale.ROOT);
    return side.equals("A") || side.equals("B") ? side : null;
  }

  static Evaluation evaluate(IntentRack rack, PlannedLoad load, PlannedRackFeeds feeds) {
    Optional<Side> a = Side.of("A", feeds);
    Optional<Side> b = Side.of("B", feeds);
    if (a.isEmpty() || b.isEmpty()) {
      return Evaluation.undecided();
    }
    Side weaker = a.get().watts() <= b.get().watts() ? a.get() : b.get();
    Side other = weaker == a.get() ? b.get() : a.get();
    if (load.knownWatts() <= weaker.watts()) {
      return load.complete() ? new Evaluation(Set.of(TYPE), List.of()) : Evaluation.undecided();
    }
    Finding finding =
        new Finding(
            TYPE,
            DiscrepancyDomain.DESIGN,
            Severity.CRITICAL,
            IntentSubjects.rack(rack),
            "each side alone >= " + Watts.of(load.knownWatts()) + " usable (the planned load)",
            a.get().describe() + ", " + b.get().describe(),
            "planned "
                + load.amount()
                + " "
                + load.source()
                + "; if side "
                + other.name()
                + " fails, side "
                + weaker.name()
                + " must carry it with "
                + Watts.of(weaker.watts())
                + " usable ("
                + weaker.formulas()
                + "), "
                + Watts.of(load.knownWatts() - weaker.watts())
                + " short");
    return new Evaluation(Set.of(TYPE), List.of(finding));
  }

  /** One side of a rack: its feeds (in id order) and their usable power together. */
  private record Side(String name, long watts, List<String> feedNames, List<String> feedFormulas) {

    static Optional<Side> of(String name, PlannedRackFeeds feeds) {
      if (feeds == null) {
        return Optional.empty();
      }
      List<IntentPowerFeed> onSide =
          feeds.getFeedsById().values().stream()
              .filter(feed -> name.equals(sideOf(feed)))
              .sorted(Comparator.comparing(IntentPowerFeed::getId))
              .toList();
      if (onSide.isEmpty()) {
        return Optional.empty();
      }
      long watts = 0;
      List<String> names = new ArrayList<>();
      List<String> formulas = new ArrayList<>();
      for (IntentPowerFeed feed : onSide) {
        Optional<UsablePower> usable = UsablePower.of(feed);
        if (usable.isEmpty()) {
          return Optional.empty();
        }
        watts += usable.get().wholeWatts();
        names.add(feed.getName());
        formulas.add(usable.get().formula());
      }
      return Optional.of(new Side(name, watts, List.copyOf(names), List.copyOf(formulas)));
    }

    /** {@code A 34503 W usable (R07-A)}. */
    String describe() {
      return name + " " + Watts.of(watts) + " usable (" + String.join(" + ", feedNames) + ")";
    }

    /** {@code 415 V x 60 A x sqrt3 x 80 %}, joined with {@code +} for several feeds. */
    String formulas() {
      return feedFormulas.stream().collect(Collectors.joining(" + "));
    }
  }
}
