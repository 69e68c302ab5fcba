package io.plumbline.topology.cabling;

import io.plumbline.avro.v1.Severity;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cabling domain's policies. Immutable; {@link #defaults()} documents the values used in
 * production.
 *
 * @param linkMissingSeverity severity of LINK_MISSING (a planned link not seen)
 * @param miscabledSeverity severity of MISCABLED (a port sees a different peer than planned)
 * @param unexpectedLinkSeverity severity of UNEXPECTED_LINK (a port sees a peer, no cable planned)
 * @param statusesExcusedFromLink NetBox cable statuses whose link may be absent without a
 *     LINK_MISSING (compared case-insensitively)
 * @param unexpectedLinksNeedACablingPlan when true, a device with no planned cable at all leaves
 *     UNEXPECTED_LINK undecided: its cabling is not designed (or not loaded) yet, and flagging
 *     every port of every server during a bulk load of the design would be noise
 */
public record CablingPolicy(
    Severity linkMissingSeverity,
    Severity miscabledSeverity,
    Severity unexpectedLinkSeverity,
    Set<String> statusesExcusedFromLink,
    boolean unexpectedLinksNeedACablingPlan) {

  public CablingPolicy {
    Objects.requireNonNull(linkMissingSeverity, "linkMissingSeverity");
    Objects.requireNonNull(miscabledSeverity, "miscabledSeverity");
    Objects.requireNonNull(unexpectedLinkSeverity, "unexpectedLinkSeverity");
    statusesExcusedFromLink =
        statusesExcusedFromLink.stream()
            .map(status -> status.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * MISCABLED is CRITICAL (a swapped rail silently breaks the rail-optimised fabric), LINK_MISSING
   * and UNEXPECTED_LINK are WARNING (visible, and common while a rack is being cabled); a
   * "decommissioning" cable may be gone; devices with no planned cable are not checked for
   * unexpected links.
   */
  public static CablingPolicy defaults() {
    return new CablingPolicy(
        Severity.WARNING, Severity.CRITICAL, Severity.WARNING, Set.of("decommissioning"), true);
  }

  /** Whether a cable of this NetBox status must show a link. */
  boolean requiresLink(String status) {
    return status == null
        || !statusesExcusedFromLink.contains(status.strip().toLowerCase(Locale.ROOT));
  }
}
