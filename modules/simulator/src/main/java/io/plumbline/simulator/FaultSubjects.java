package io.plumbline.simulator;

import java.util.Locale;

/**
 * Names of the subjects faults bring or touch, shared by the generator (which produces them) and
 * {@link GroundTruth} (which expects discrepancies about them).
 */
public final class FaultSubjects {

  private FaultSubjects() {}

  /** A supply fault's own purchase order (one line, line 1). */
  public static String faultPurchaseOrder(Fault fault) {
    return String.format(Locale.ROOT, "PO-F%03d", fault.target());
  }

  /** The PO line that makes up for an under-procured SU. */
  public static String topUpPurchaseOrder(Fault fault) {
    return String.format(Locale.ROOT, "PO-U%03d", fault.target() + 1);
  }

  public static String faultReceipt(Fault fault, int n) {
    return String.format(Locale.ROOT, "RCV-F%03d-%d", fault.target(), n);
  }

  public static String duplicatedSerial(Fault fault) {
    return String.format(Locale.ROOT, "OPT-F%03d-3", fault.target());
  }

  public static String strayBmcMac(Fault fault) {
    int n = fault.target();
    return String.format(Locale.ROOT, "3c:ec:ef:ff:%02x:%02x", (n >> 8) & 0xff, n & 0xff);
  }

  public static String spareFeedId(Fault fault) {
    return Integer.toString(2_900_000 + fault.target());
  }

  /** The first of the two rails a MISCABLED fault swaps (the other is the next one). */
  public static int swappedRail(int node) {
    return node % (SiteLayout.RAILS - 1);
  }

  public static int missingRail(int node) {
    return node % SiteLayout.RAILS;
  }

  /** The DPU port that has no cable; UNEXPECTED_LINK plugs it in. */
  public static final String SPARE_PORT = "inband2";

  /** A site and SKU as supply keys them: site id, colon, part number in letters and digits. */
  public static String siteSku(String siteId, String partNumber) {
    return siteId + ":" + partNumber.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
  }
}
