package io.plumbline.topology.design;

import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.UsablePower;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FEED_ALLOCATION_OVER_CAPACITY: the draw allocated to a feed exceeds its {@link UsablePower}.
 * Undecided while the feed has no allocated draw or no usable ratings.
 */
final class FeedAllocationCheck {

  private static final DiscrepancyType TYPE = DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY;

  private FeedAllocationCheck() {}

  static Evaluation evaluate(IntentPowerFeed feed) {
    Double allocated = feed.getAllocatedDrawWatts();
    Optional<UsablePower> usable = UsablePower.of(feed);
    if (allocated == null || usable.isEmpty()) {
      return Evaluation.undecided();
    }
    long usableWatts = usable.get().wholeWatts();
    if (allocated <= usableWatts) {
      return new Evaluation(Set.of(TYPE), List.of());
    }
    Finding finding =
        new Finding(
            TYPE,
            DiscrepancyDomain.DESIGN,
            Severity.CRITICAL,
            IntentSubjects.feed(feed),
            "<= " + Watts.of(usableWatts) + " usable (" + usable.get().formula() + ")",
            "allocated " + Watts.of(allocated) + " (" + Watts.percent(allocated, usableWatts) + ")",
            "the power ports on feed "
                + feed.getName()
                + " are allocated "
                + Watts.of(allocated - usableWatts)
                + " more than it can carry continuously");
    return new Evaluation(Set.of(TYPE), List.of(finding));
  }
}
