package io.plumbline.topology.supply;

import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.List;
import java.util.Set;

/**
 * UNDER_PROCURED: the design needs more of a SKU at a site (intended devices whose type has that
 * part number) than the covering PO lines shipping there order. Always decided: no devices and no
 * lines is zero demand against zero ordered.
 */
final class ProcurementCheck {

  static final Severity SEVERITY = Severity.WARNING;

  private ProcurementCheck() {}

  /** Demand and ordered quantity of one site's SKU. */
  record SiteSkuSupply(long demand, long ordered) {}

  static Evaluation evaluate(String siteSku, SiteSkuSupply supply) {
    if (supply.demand() <= supply.ordered()) {
      return new Evaluation(Set.of(DiscrepancyType.UNDER_PROCURED), List.of());
    }
    String sku = SupplyKeys.skuOf(siteSku);
    Finding finding =
        new Finding(
            DiscrepancyType.UNDER_PROCURED,
            DiscrepancyDomain.SUPPLY,
            SEVERITY,
            Subjects.sku(siteSku),
            supply.demand() + " in the design",
            supply.ordered() + " on purchase orders",
            (supply.demand() - supply.ordered())
                + " short of "
                + sku
                + " at site "
                + SupplyKeys.siteOf(siteSku));
    return new Evaluation(Set.of(DiscrepancyType.UNDER_PROCURED), List.of(finding));
  }
}
