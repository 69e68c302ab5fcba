package io.plumbline.topology.supply;

import static io.plumbline.topology.supply.SupplyDriver.B200;
import static io.plumbline.topology.supply.SupplyDriver.SN5600;
import static io.plumbline.topology.supply.SupplyDriver.T0;
import static io.plumbline.topology.supply.SupplyDriver.device;
import static io.plumbline.topology.supply.SupplyDriver.poLine;
import static io.plumbline.topology.supply.SupplyDriver.receipt;
import static io.plumbline.topology.supply.SupplyDriver.type;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Purchase orders cover the design and every delivery is complete and correct: nothing to say. */
class CleanSupplyTest {

  @Test
  void aCleanBuildOutRaisesNothing() {
    Instant expected = T0.plus(Duration.ofDays(5));
    try (SupplyDriver supply = new SupplyDriver()) {
      // Orders first, so the design never needs more than is on order.
      supply.line(poLine("4500123", 1, B200, 4, expected).build(), T0);
      supply.line(poLine("4500123", 2, SN5600, 1, expected).build(), T0);
      supply.types.pipeInput("7", type("7", "DGX B200", B200), T0);
      supply.types.pipeInput("20", type("20", "SN5600", SN5600), T0);
      for (int i = 1; i <= 4; i++) {
        supply.devices.pipeInput("10" + i, device("10" + i, "7", "1"), T0);
      }
      supply.devices.pipeInput("501", device("501", "20", "1"), T0);

      supply.receipt(
          receipt("R-1", "4500123", 1, "965-24387-0002-000", 2, "1570024000101", "1570024000102")
              .build(),
          T0.plus(Duration.ofDays(2)));
      supply.receipt(
          receipt("R-2", "4500123", 1, "96524387 0002000", 2, "1570024000103", "1570024000104")
              .build(),
          T0.plus(Duration.ofDays(4)));
      supply.receipt(
          receipt("R-3", "4500123", 2, "920-9N42F-00RI-7C0", 1, "MT2412X00001").build(),
          T0.plus(Duration.ofDays(4)));
      // The ERP closes the delivered lines; the deadline passes.
      supply.line(
          poLine("4500123", 1, B200, 4, expected).setStatus("closed").build(),
          T0.plus(Duration.ofDays(4)));
      supply.line(
          poLine("4500123", 2, SN5600, 1, expected).setStatus("closed").build(),
          T0.plus(Duration.ofDays(4)));
      supply.advanceStreamTime(expected.plus(Duration.ofDays(1)));

      assertThat(supply.transitions()).isEmpty();
    }
  }
}
