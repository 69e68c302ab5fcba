package io.plumbline.ingest.files;

import io.plumbline.avro.v1.PurchaseOrderLine;
import java.util.List;

/**
 * Purchase-order lines from an ERP export. Columns (docs/ingest-files.md): {@code po_number},
 * {@code line}, {@code vendor}, {@code manufacturer}, {@code part_number}, {@code quantity}, {@code
 * expected_date}, {@code ship_to_site_id}, {@code status}. Keyed {@code po_number/line}, as the
 * supply domain expects.
 */
final class PurchaseOrderRows implements RowMapping<PurchaseOrderLine> {

  @Override
  public PurchaseOrderLine map(Row row) throws RowException {
    Columns c = new Columns(row);
    return PurchaseOrderLine.newBuilder()
        .setPoNumber(c.required("po_number"))
        .setLine(c.requiredInteger("line", 1))
        .setVendor(c.required("vendor"))
        .setManufacturer(c.text("manufacturer"))
        .setPartNumber(c.required("part_number"))
        .setQuantity(c.requiredInteger("quantity", 0))
        .setExpectedDate(c.instant("expected_date"))
        .setShipToSiteId(c.required("ship_to_site_id"))
        .setStatus(c.oneOf("status", List.of("open", "closed", "cancelled"), "open"))
        .build();
  }

  @Override
  public String key(PurchaseOrderLine line) {
    return line.getPoNumber().strip() + "/" + line.getLine();
  }
}
