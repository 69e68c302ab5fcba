package io.plumbline.topology.cabling;

import io.plumbline.avro.internal.v1.PlannedLink;
import io.plumbline.avro.internal.v1.PlannedLinks;
import io.plumbline.avro.v1.IntentCable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds the cables ending on a device into its {@link PlannedLinks}. Adding a cable replaces any
 * earlier version of it; removing one only removes the exact version that was added, so the result
 * is right whichever order the table's subtract and add of an updated cable arrive in (a null
 * aggregate counts as empty). An empty set is null, so a device whose cables are all gone leaves no
 * state behind.
 */
final class PlannedLinksAggregation {

  private static final Comparator<PlannedLink> ORDER =
      Comparator.comparing(PlannedLink::getLocalInterface).thenComparing(PlannedLink::getCableId);

  private PlannedLinksAggregation() {}

  static PlannedLinks empty() {
    return new PlannedLinks("", List.of());
  }

  static PlannedLinks add(String deviceId, IntentCable cable, PlannedLinks links, CableEnd end) {
    PlannedLink link = end.link(cable);
    List<PlannedLink> out = new ArrayList<>();
    for (PlannedLink existing : links == null ? List.<PlannedLink>of() : links.getLinks()) {
      if (!existing.getCableId().equals(link.getCableId())) {
        out.add(existing);
      }
    }
    out.add(link);
    return sorted(deviceId, out);
  }

  static PlannedLinks remove(String deviceId, IntentCable cable, PlannedLinks links, CableEnd end) {
    PlannedLink link = end.link(cable);
    List<PlannedLink> out = new ArrayList<>(links.getLinks());
    out.remove(link);
    return out.isEmpty() ? null : sorted(deviceId, out);
  }

  /** The links of one device from both ends' aggregates; either may be null. */
  static PlannedLinks merge(PlannedLinks aSide, PlannedLinks bSide) {
    if (aSide == null) {
      return bSide;
    }
    if (bSide == null) {
      return aSide;
    }
    List<PlannedLink> out = new ArrayList<>(aSide.getLinks());
    out.addAll(bSide.getLinks());
    return sorted(aSide.getDeviceId(), out);
  }

  private static PlannedLinks sorted(String deviceId, List<PlannedLink> links) {
    links.sort(ORDER);
    return new PlannedLinks(deviceId, links);
  }
}
