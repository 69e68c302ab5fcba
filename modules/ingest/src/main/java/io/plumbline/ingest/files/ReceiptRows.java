package io.plumbline.ingest.files;

import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.ReceiptCondition;
import java.util.List;

/**
 * Dock receipts from a receiving scanner or WMS export. Columns (docs/ingest-files.md): {@code
 * receipt_id}, {@code po_number}, {@code po_line}, {@code part_number}, {@code serial_numbers},
 * {@code quantity}, {@code received_at}, {@code site_id}, {@code condition}. The quantity defaults
 * to the number of serials; when both are given they must agree. Keyed by {@code receipt_id}.
 */
final class ReceiptRows implements RowMapping<Receipt> {

  @Override
  public Receipt map(Row row) throws RowException {
    Columns c = new Columns(row);
    List<String> serials = c.list("serial_numbers");
    Integer quantity = c.integer("quantity", 0);
    if (quantity == null) {
      if (serials.isEmpty()) {
        throw new RowException("column quantity is empty and no serial_numbers are given");
      }
      quantity = serials.size();
    } else if (!serials.isEmpty() && serials.size() != quantity) {
      throw new RowException(
          "column quantity = "
              + quantity
              + " but "
              + serials.size()
              + " serial_numbers are listed");
    }
    return Receipt.newBuilder()
        .setReceiptId(c.required("receipt_id"))
        .setPoNumber(c.required("po_number"))
        .setPoLine(c.requiredInteger("po_line", 1))
        .setScannedPartNumber(c.required("part_number"))
        .setSerialNumbers(serials)
        .setQuantity(quantity)
        .setReceivedAt(required(c.instant("received_at")))
        .setSiteId(c.text("site_id"))
        .setCondition(
            ReceiptCondition.valueOf(
                c.oneOf("condition", List.of("GOOD", "DAMAGED", "UNKNOWN"), "GOOD")))
        .build();
  }

  private static java.time.Instant required(java.time.Instant at) throws RowException {
    if (at == null) {
      throw new RowException("column received_at is empty or missing");
    }
    return at;
  }

  @Override
  public String key(Receipt receipt) {
    return receipt.getReceiptId();
  }
}
