package io.plumbline.topology.supply;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.topology.identity.Identifiers;

/**
 * The keys supply state is partitioned by: a PO line ({@code poNumber/line}, as the ERP topic is
 * keyed) and a site's SKU ({@code siteId:SKU}, the SKU normalised like every part number).
 */
public final class SupplyKeys {

  private SupplyKeys() {}

  static String poLine(String poNumber, int line) {
    return poNumber.strip() + "/" + line;
  }

  static String poLine(Receipt receipt) {
    return poLine(receipt.getPoNumber(), receipt.getPoLine());
  }

  /** The site and SKU a PO line ships, or null when either is missing. */
  static String siteSku(PurchaseOrderLine line) {
    return siteSku(line.getShipToSiteId(), line.getPartNumber());
  }

  /** The site and SKU an intended device needs, or null when the type has no part number. */
  public static String siteSku(IntentDevice device, IntentDeviceType type) {
    return siteSku(device.getSiteId(), type.getPartNumber());
  }

  /** {@code siteId:SKU}, the SKU normalised; null when either is missing. */
  public static String siteSku(String siteId, String partNumber) {
    String sku = Identifiers.model(partNumber);
    String site = siteId == null ? "" : siteId.strip();
    return sku == null || site.isEmpty() ? null : site + ":" + sku;
  }

  /** The site of a {@link #siteSku} key. SKUs are letters and digits, so the last colon splits. */
  static String siteOf(String siteSku) {
    return siteSku.substring(0, siteSku.lastIndexOf(':'));
  }

  static String skuOf(String siteSku) {
    return siteSku.substring(siteSku.lastIndexOf(':') + 1);
  }
}
