package io.plumbline.topology.supply;

import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;

/** Subjects of supply discrepancies. */
final class Subjects {

  private Subjects() {}

  static Subject poLine(PurchaseOrderLine line) {
    return Subject.newBuilder()
        .setKind(SubjectKind.PO_LINE)
        .setId(SupplyKeys.poLine(line.getPoNumber(), line.getLine()))
        .setName("PO " + line.getPoNumber().strip() + " line " + line.getLine())
        .setSiteId(line.getShipToSiteId())
        .build();
  }

  static Subject receipt(Receipt receipt, String siteId) {
    return Subject.newBuilder()
        .setKind(SubjectKind.RECEIPT)
        .setId(receipt.getReceiptId())
        .setName("receipt " + receipt.getReceiptId())
        .setSiteId(receipt.getSiteId() != null ? receipt.getSiteId() : siteId)
        .build();
  }

  static Subject serial(String serial, String siteId) {
    return Subject.newBuilder()
        .setKind(SubjectKind.SERIAL)
        .setId(serial)
        .setName(serial)
        .setSiteId(siteId)
        .build();
  }

  static Subject sku(String siteSku) {
    return Subject.newBuilder()
        .setKind(SubjectKind.SKU)
        .setId(siteSku)
        .setName(SupplyKeys.skuOf(siteSku))
        .setSiteId(SupplyKeys.siteOf(siteSku))
        .build();
  }
}
