package io.plumbline.topology.supply;

import static io.plumbline.topology.supply.SupplyDriver.SN5600;
import static io.plumbline.topology.supply.SupplyDriver.SN5600_SKU;
import static io.plumbline.topology.supply.SupplyDriver.T0;
import static io.plumbline.topology.supply.SupplyDriver.device;
import static io.plumbline.topology.supply.SupplyDriver.opened;
import static io.plumbline.topology.supply.SupplyDriver.poLine;
import static io.plumbline.topology.supply.SupplyDriver.resolved;
import static io.plumbline.topology.supply.SupplyDriver.states;
import static io.plumbline.topology.supply.SupplyDriver.type;
import static io.plumbline.topology.supply.SupplyDriver.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnderProcuredTest {

  private static final String SITE1 = "UNDER_PROCURED:SKU:1:" + SN5600_SKU;
  private static final String SITE2 = "UNDER_PROCURED:SKU:2:" + SN5600_SKU;

  private final SupplyDriver supply = new SupplyDriver();

  @AfterEach
  void stop() {
    supply.close();
  }

  @Test
  void designNeedingMoreThanIsOrderedOpensIt() {
    List<Discrepancy> design = designFourSwitchesAtSiteOneAndOneAtSiteTwo();

    assertThat(states(design))
        .containsExactly(
            opened(SITE1), updated(SITE1), updated(SITE1), updated(SITE1), opened(SITE2));
    Discrepancy latest = design.get(3);
    assertThat(latest.getDomain()).isEqualTo(DiscrepancyDomain.SUPPLY);
    assertThat(latest.getSeverity()).isEqualTo(Severity.WARNING);
    assertThat(latest.getSubject().getKind()).isEqualTo(SubjectKind.SKU);
    assertThat(latest.getSubject().getId()).isEqualTo("1:" + SN5600_SKU);
    assertThat(latest.getSubject().getSiteId()).isEqualTo("1");
    assertThat(latest.getExpected()).isEqualTo("4 in the design");
    assertThat(latest.getObserved()).isEqualTo("0 on purchase orders");
    assertThat(latest.getFirstSeen()).isEqualTo(T0);

    // The ERP spells the part number its own way: it is the same SKU.
    supply.line(poLine("4500123", 1, "920-9n42f-00ri-7c0 ", 1, null).build(), T0.plusSeconds(60));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions)).containsExactly(updated(SITE1));
    assertThat(transitions.get(0).getObserved()).isEqualTo("1 on purchase orders");
    assertThat(transitions.get(0).getDetail()).contains("3 short");
  }

  @Test
  void aLargerOrderUpdatesItAndACoveringOneResolvesIt() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.line(poLine("4500123", 1, SN5600, 1, null).build(), T0.plusSeconds(60));
    supply.line(poLine("4500123", 1, SN5600, 3, null).build(), T0.plusSeconds(120));
    supply.line(poLine("4500124", 1, SN5600, 1, null).build(), T0.plusSeconds(180));

    List<Discrepancy> transitions = supply.transitions();
    assertThat(states(transitions))
        .containsExactly(updated(SITE1), updated(SITE1), resolved(SITE1));
    assertThat(transitions.get(2).getChangedAt()).isEqualTo(T0.plusSeconds(180));
  }

  @Test
  void theDesignShrinkingResolvesIt() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.line(poLine("4500123", 1, SN5600, 3, null).build(), T0.plusSeconds(60));
    supply.devices.pipeInput("504", null, T0.plusSeconds(120));

    assertThat(states(supply.transitions())).containsExactly(updated(SITE1), resolved(SITE1));
  }

  @Test
  void aDeviceTypeLosingItsPartNumberResolvesItAndRegainingItReopensIt() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.types.pipeInput("20", type("20", "SN5600", null), T0.plusSeconds(60));
    List<String> withoutPart = states(supply.transitions());
    supply.types.pipeInput("20", type("20", "SN5600", SN5600), T0.plusSeconds(120));
    List<String> withPart = states(supply.transitions());

    assertThat(withoutPart).contains(resolved(SITE1), resolved(SITE2));
    assertThat(withoutPart).doesNotContain(opened(SITE1));
    assertThat(withPart).contains(opened(SITE1), opened(SITE2));
  }

  @Test
  void aClosedLineStillCoversButACancelledOneDoesNot() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.line(poLine("4500123", 1, SN5600, 4, null).build(), T0.plusSeconds(60));
    supply.line(
        poLine("4500123", 1, SN5600, 4, null).setStatus("Closed").build(), T0.plusSeconds(120));
    assertThat(states(supply.transitions()))
        .contains(resolved(SITE1))
        .doesNotContain(opened(SITE1));

    supply.line(
        poLine("4500123", 1, SN5600, 4, null).setStatus("cancelled").build(), T0.plusSeconds(180));

    List<Discrepancy> transitions =
        supply.transitions().stream().filter(d -> d.getId().equals(SITE1)).toList();
    assertThat(states(transitions)).containsExactly(opened(SITE1));
    assertThat(transitions.get(0).getObserved()).isEqualTo("0 on purchase orders");
  }

  @Test
  void linesShippingToAnotherSiteDoNotCover() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.line(
        poLine("4500123", 1, SN5600, 1, null).setShipToSiteId("2").build(), T0.plusSeconds(60));

    assertThat(states(supply.transitions())).containsExactly(resolved(SITE2));
  }

  @Test
  void aDeviceMovedToAnotherSiteMovesItsDemand() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.line(poLine("4500123", 1, SN5600, 4, null).build(), T0.plusSeconds(60));
    supply.line(
        poLine("4500124", 1, SN5600, 1, null).setShipToSiteId("2").build(), T0.plusSeconds(60));
    assertThat(states(supply.transitions())).containsExactly(resolved(SITE1), resolved(SITE2));

    supply.devices.pipeInput("504", device("504", "20", "2"), T0.plusSeconds(120));

    assertThat(states(supply.transitions())).containsExactly(opened(SITE2));
  }

  @Test
  void redeliveredInputsMakeNoNewTransition() {
    designFourSwitchesAtSiteOneAndOneAtSiteTwo();
    supply.line(poLine("4500123", 1, SN5600, 1, null).build(), T0.plusSeconds(60));
    supply.transitions();
    supply.line(poLine("4500123", 1, SN5600, 1, null).build(), T0.plusSeconds(60));
    supply.devices.pipeInput("501", device("501", "20", "1"), T0.plusSeconds(70));

    assertThat(supply.transitions()).isEmpty();
  }

  /** Four SN5600 switches at site 1, one at site 2, nothing ordered; returns the transitions. */
  private List<Discrepancy> designFourSwitchesAtSiteOneAndOneAtSiteTwo() {
    supply.types.pipeInput("20", type("20", "SN5600", SN5600), T0);
    for (int i = 1; i <= 4; i++) {
      supply.devices.pipeInput("50" + i, device("50" + i, "20", "1"), T0);
    }
    supply.devices.pipeInput("601", device("601", "20", "2"), T0);
    return supply.transitions();
  }
}
