package io.plumbline.topology.supply;

import java.util.Locale;

/** The status of a purchase-order line as the ERP exports it, normalised. */
public enum PoLineStatus {
  /**
   * Still expecting deliveries; also any status the ERP invents that is not closed or cancelled.
   */
  OPEN,
  /** Complete: nothing more will arrive. */
  CLOSED,
  /** Withdrawn: nothing more will arrive and nothing was wanted. */
  CANCELLED;

  /** Reads the ERP's status text, ignoring case and padding; unknown or blank text is OPEN. */
  public static PoLineStatus of(String raw) {
    String status = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return switch (status) {
      case "closed", "complete", "completed" -> CLOSED;
      case "cancelled", "canceled" -> CANCELLED;
      default -> OPEN;
    };
  }
}
