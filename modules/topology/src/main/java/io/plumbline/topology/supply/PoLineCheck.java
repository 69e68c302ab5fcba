package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.PoLineContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of one PO line against the receipts booked on it, at a given stream time.
 *
 * <ul>
 *   <li>WRONG_PART_RECEIVED (per receipt): the scanned part number is not the line's, normalised. A
 *       wrong part does not count as received for the line.
 *   <li>OVER_SHIPMENT: more received than ordered, at once.
 *   <li>LATE_DELIVERY: an open line that is due (its expected date plus grace has passed) and not
 *       complete.
 *   <li>SHORT_SHIPMENT: less received than ordered on a closed line: the vendor is done and the
 *       rest will not come. While the line is open the shortfall is LATE_DELIVERY (once due) or
 *       nothing yet, so the two never hold together and closing a late line short turns the one
 *       into the other.
 *   <li>RECEIPT_FOR_UNKNOWN_PO_LINE (per receipt): receipts booked on a line the ERP has not
 *       exported (yet). The line arriving resolves it.
 * </ul>
 *
 * A receipt with a blank scanned part number proves no wrong part and counts as received.
 */
final class PoLineCheck {

  static final Severity SHORT_SEVERITY = Severity.WARNING;
  static final Severity OVER_SEVERITY = Severity.INFO;
  static final Severity LATE_SEVERITY = Severity.WARNING;
  static final Severity WRONG_PART_SEVERITY = Severity.CRITICAL;
  static final Severity UNKNOWN_LINE_SEVERITY = Severity.WARNING;

  private static final Set<DiscrepancyType> LINE_TYPES =
      EnumSet.of(
          DiscrepancyType.SHORT_SHIPMENT,
          DiscrepancyType.OVER_SHIPMENT,
          DiscrepancyType.LATE_DELIVERY,
          DiscrepancyType.RECEIPT_FOR_UNKNOWN_PO_LINE);

  private PoLineCheck() {}

  /**
   * The instant after which the line is due, or null when it has no expected date. Stream time
   * strictly after it makes the line due.
   */
  static Instant deadline(PoLineContext context, SupplyPolicy policy) {
    PurchaseOrderLine line = context.getLine();
    if (line == null || line.getExpectedDate() == null) {
      return null;
    }
    return line.getExpectedDate().plus(policy.deliveryGrace());
  }

  static Evaluation evaluate(PoLineContext context, Instant now, SupplyPolicy policy) {
    List<Receipt> receipts = new ArrayList<>(context.getReceipts().values());
    receipts.sort(Comparator.comparing(Receipt::getReceiptId));
    PurchaseOrderLine line = context.getLine();
    if (line == null) {
      // A line that is not (or no longer) in the ERP leaves nothing to compare receipts with.
      Set<DiscrepancyType> decided = EnumSet.copyOf(LINE_TYPES);
      decided.add(DiscrepancyType.WRONG_PART_RECEIVED);
      return new Evaluation(decided, receipts.stream().map(PoLineCheck::unknownLine).toList());
    }

    Set<DiscrepancyType> decided = EnumSet.copyOf(LINE_TYPES);
    List<Finding> findings = new ArrayList<>();
    String orderedPart = Identifiers.model(line.getPartNumber());
    if (orderedPart != null) {
      decided.add(DiscrepancyType.WRONG_PART_RECEIVED);
    }
    long received = 0;
    for (Receipt receipt : receipts) {
      String scanned = Identifiers.model(receipt.getScannedPartNumber());
      if (orderedPart != null && scanned != null && !scanned.equals(orderedPart)) {
        findings.add(wrongPart(line, receipt));
      } else {
        received += receipt.getQuantity();
      }
    }

    long ordered = line.getQuantity();
    PoLineStatus status = PoLineStatus.of(line.getStatus());
    Instant deadline = deadline(context, policy);
    boolean due = deadline != null && now.isAfter(deadline);
    if (received > ordered) {
      findings.add(
          lineFinding(
              DiscrepancyType.OVER_SHIPMENT,
              OVER_SEVERITY,
              line,
              ordered + " ordered",
              received + " received",
              (received - ordered) + " more than ordered"));
    }
    if (received < ordered && status != PoLineStatus.CANCELLED) {
      if (status == PoLineStatus.CLOSED) {
        findings.add(
            lineFinding(
                DiscrepancyType.SHORT_SHIPMENT,
                SHORT_SEVERITY,
                line,
                ordered + " ordered",
                received + " received",
                (ordered - received) + " short, closed"));
      }
      if (status == PoLineStatus.OPEN && due) {
        findings.add(
            lineFinding(
                DiscrepancyType.LATE_DELIVERY,
                LATE_SEVERITY,
                line,
                ordered + " by " + line.getExpectedDate(),
                received + " received",
                (ordered - received) + " outstanding after " + deadline));
      }
    }
    return new Evaluation(decided, findings);
  }

  private static Finding lineFinding(
      DiscrepancyType type,
      Severity severity,
      PurchaseOrderLine line,
      String expected,
      String observed,
      String detail) {
    return new Finding(
        type,
        DiscrepancyDomain.SUPPLY,
        severity,
        Subjects.poLine(line),
        expected,
        observed,
        "PO " + line.getPoNumber().strip() + " line " + line.getLine() + ": " + detail);
  }

  private static Finding wrongPart(PurchaseOrderLine line, Receipt receipt) {
    return new Finding(
        DiscrepancyType.WRONG_PART_RECEIVED,
        DiscrepancyDomain.SUPPLY,
        WRONG_PART_SEVERITY,
        Subjects.receipt(receipt, line.getShipToSiteId()),
        "part " + line.getPartNumber().strip(),
        "part " + receipt.getScannedPartNumber().strip(),
        receipt.getQuantity()
            + " received against PO "
            + SupplyKeys.poLine(line.getPoNumber(), line.getLine()));
  }

  private static Finding unknownLine(Receipt receipt) {
    String poLine = SupplyKeys.poLine(receipt);
    return new Finding(
        DiscrepancyType.RECEIPT_FOR_UNKNOWN_PO_LINE,
        DiscrepancyDomain.SUPPLY,
        UNKNOWN_LINE_SEVERITY,
        Subjects.receipt(receipt, null),
        "PO line " + poLine,
        "no such PO line",
        receipt.getQuantity() + " x part " + receipt.getScannedPartNumber().strip());
  }
}
