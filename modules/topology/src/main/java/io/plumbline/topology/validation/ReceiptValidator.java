package io.plumbline.topology.validation;

import io.plumbline.avro.v1.Receipt;

/** A receipt counts items received, so its quantity cannot be negative. */
public final class ReceiptValidator implements InputRule<Receipt> {

  @Override
  public void check(String key, Receipt receipt) {
    if (receipt.getQuantity() < 0) {
      throw new InvalidInputException(
          RejectionReason.NEGATIVE_QUANTITY,
          "receipt " + receipt.getReceiptId() + " has quantity " + receipt.getQuantity());
    }
  }
}
