package io.plumbline.topology.cabling;

import static io.plumbline.avro.v1.DiscrepancyType.LINK_MISSING;
import static io.plumbline.avro.v1.DiscrepancyType.MISCABLED;
import static io.plumbline.avro.v1.DiscrepancyType.UNEXPECTED_LINK;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.PlannedLink;
import io.plumbline.avro.internal.v1.PlannedLinks;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Decides LINK_MISSING, MISCABLED and UNEXPECTED_LINK for every port of one device, from the cables
 * NetBox plans on it and the NICs its BMC reports. Ports are matched by {@link
 * InterfaceNames#serverPort}.
 *
 * <p>What each port's evidence decides:
 *
 * <ul>
 *   <li>A planned port is never UNEXPECTED_LINK; an unplanned one is never LINK_MISSING or
 *       MISCABLED. These follow from the design alone, so correcting the design resolves them even
 *       when the port is not in the latest observation.
 *   <li>A planned port that the observation does not list (or no observation) leaves LINK_MISSING
 *       and MISCABLED undecided: absence is not evidence.
 *   <li>A port whose link is down, or that reports neither a neighbour nor a link status, has no
 *       link: LINK_MISSING when planned (unless the cable's status excuses it), never MISCABLED.
 *   <li>A port with an LLDP neighbour has a link: MISCABLED when the neighbour's name or port
 *       differs from every planned peer, undecided when too little was reported to compare;
 *       UNEXPECTED_LINK when no cable is planned on it.
 *   <li>A port whose link is up (or starting) without a neighbour leaves the peer checks undecided.
 * </ul>
 */
final class CablingCheck {

  private static final Set<DiscrepancyType> PLANNED_LINK_TYPES =
      EnumSet.of(LINK_MISSING, MISCABLED);

  private final CablingPolicy policy;

  CablingCheck(CablingPolicy policy) {
    this.policy = policy;
  }

  /**
   * One evaluation per port that is planned or observed, keyed by normalised port name, in order.
   */
  SortedMap<String, Evaluation> evaluate(DeviceContext context, PlannedLinks planned) {
    IntentDevice device = context.getDevice();
    Map<String, List<PlannedLink>> linksByPort = linksByPort(planned);
    Map<String, ObservedNic> nicsByPort = nicsByPort(context.getObserved());
    SortedMap<String, Evaluation> evaluations = new TreeMap<>();
    linksByPort.forEach(
        (port, links) -> evaluations.put(port, plannedPort(device, links, nicsByPort.get(port))));
    boolean cablingPlanned = !linksByPort.isEmpty();
    nicsByPort.forEach(
        (port, nic) ->
            evaluations.computeIfAbsent(port, p -> unplannedPort(device, nic, cablingPlanned)));
    return evaluations;
  }

  /**
   * The evaluation of a port evaluated before that is now neither planned nor observed: nothing is
   * planned on it, and whether it still has a link is unknown.
   */
  Evaluation forgottenPort() {
    return new Evaluation(PLANNED_LINK_TYPES, List.of());
  }

  private Evaluation plannedPort(IntentDevice device, List<PlannedLink> links, ObservedNic nic) {
    Set<DiscrepancyType> decided = EnumSet.of(UNEXPECTED_LINK);
    List<Finding> findings = new ArrayList<>();
    if (nic == null) {
      return new Evaluation(decided, findings);
    }
    PlannedLink first = links.get(0);
    Subject subject =
        InterfaceSubjects.of(device, first.getLocalInterface().strip(), first.getUrl());
    LinkState state = LinkState.of(nic.getLinkStatus());
    SeenPeer seen = SeenPeer.of(nic.getLldpNeighbor());
    if (hasNoLink(state, seen)) {
      decided.addAll(PLANNED_LINK_TYPES);
      List<PlannedLink> required =
          links.stream().filter(link -> policy.requiresLink(link.getStatus())).toList();
      if (!required.isEmpty()) {
        String observed = state == LinkState.DOWN ? "link down" : "no LLDP neighbour";
        findings.add(
            finding(
                LINK_MISSING,
                policy.linkMissingSeverity(),
                subject,
                peers(required),
                observed,
                required));
      }
    } else if (seen != null) {
      decided.add(LINK_MISSING);
      SeenPeer.Match match = seen.against(links);
      if (match != SeenPeer.Match.UNKNOWN) {
        decided.add(MISCABLED);
      }
      if (match == SeenPeer.Match.DIFFERENT) {
        findings.add(
            finding(
                MISCABLED,
                policy.miscabledSeverity(),
                subject,
                peers(links),
                seen.describe(),
                links));
      }
    } else if (state == LinkState.UP) {
      decided.add(LINK_MISSING);
    }
    return new Evaluation(decided, findings);
  }

  private Evaluation unplannedPort(IntentDevice device, ObservedNic nic, boolean cablingPlanned) {
    Set<DiscrepancyType> decided = EnumSet.copyOf(PLANNED_LINK_TYPES);
    if (!cablingPlanned && policy.unexpectedLinksNeedACablingPlan()) {
      return new Evaluation(decided, List.of());
    }
    LinkState state = LinkState.of(nic.getLinkStatus());
    SeenPeer seen = SeenPeer.of(nic.getLldpNeighbor());
    List<Finding> findings = new ArrayList<>();
    if (hasNoLink(state, seen)) {
      decided.add(UNEXPECTED_LINK);
    } else if (seen != null) {
      decided.add(UNEXPECTED_LINK);
      Subject subject = InterfaceSubjects.of(device, nic.getPortId().strip(), null);
      findings.add(
          new Finding(
              UNEXPECTED_LINK,
              DiscrepancyDomain.CABLING,
              policy.unexpectedLinkSeverity(),
              subject,
              "no cable",
              seen.describe(),
              "no cable is planned on this port"));
    }
    return new Evaluation(decided, findings);
  }

  /** A link that is down, or a port reporting neither neighbour nor status, is not there. */
  private static boolean hasNoLink(LinkState state, SeenPeer seen) {
    return state == LinkState.DOWN || (seen == null && state == LinkState.NOT_REPORTED);
  }

  private static Finding finding(
      DiscrepancyType type,
      Severity severity,
      Subject subject,
      String expected,
      String observed,
      List<PlannedLink> links) {
    String cables =
        links.stream()
            .map(
                link ->
                    "cable "
                        + link.getCableId()
                        + (link.getLabel() == null ? "" : " (" + link.getLabel() + ")"))
            .collect(Collectors.joining(", "));
    return new Finding(
        type, DiscrepancyDomain.CABLING, severity, subject, expected, observed, cables);
  }

  /** "leaf-03 Ethernet1/5", as NetBox names them; several planned peers joined by "or". */
  private static String peers(List<PlannedLink> links) {
    return links.stream()
        .map(link -> link.getPeerDeviceName().strip() + " " + link.getPeerInterface().strip())
        .distinct()
        .collect(Collectors.joining(" or "));
  }

  private static Map<String, List<PlannedLink>> linksByPort(PlannedLinks planned) {
    Map<String, List<PlannedLink>> byPort = new TreeMap<>();
    if (planned != null) {
      for (PlannedLink link : planned.getLinks()) {
        String port = InterfaceNames.serverPort(link.getLocalInterface());
        if (port != null) {
          byPort.computeIfAbsent(port, p -> new ArrayList<>()).add(link);
        }
      }
    }
    return byPort;
  }

  /**
   * The observed NICs by normalised port; when a BMC lists one port twice (two adapters with the
   * same port id), the entry that reports a neighbour wins.
   */
  private static Map<String, ObservedNic> nicsByPort(ObservedSystem observed) {
    Map<String, ObservedNic> byPort = new TreeMap<>();
    if (observed != null) {
      for (ObservedNic nic : observed.getNics()) {
        String port = InterfaceNames.serverPort(nic.getPortId());
        if (port != null) {
          byPort.merge(
              port,
              nic,
              (kept, other) -> SeenPeer.of(kept.getLldpNeighbor()) == null ? other : kept);
        }
      }
    }
    return byPort;
  }
}
