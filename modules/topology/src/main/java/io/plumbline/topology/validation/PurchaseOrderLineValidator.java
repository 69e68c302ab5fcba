package io.plumbline.topology.validation;

import io.plumbline.avro.v1.PurchaseOrderLine;

/** A PO line orders a number of items, which cannot be negative. */
public final class PurchaseOrderLineValidator implements InputRule<PurchaseOrderLine> {

  @Override
  public void check(String key, PurchaseOrderLine line) {
    if (line.getQuantity() < 0) {
      throw new InvalidInputException(
          RejectionReason.NEGATIVE_QUANTITY,
          "PO line "
              + line.getPoNumber()
              + "/"
              + line.getLine()
              + " orders quantity "
              + line.getQuantity());
    }
  }
}
