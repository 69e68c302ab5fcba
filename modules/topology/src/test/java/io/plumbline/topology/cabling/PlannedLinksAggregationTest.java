package io.plumbline.topology.cabling;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.internal.v1.PlannedLink;
import io.plumbline.avro.internal.v1.PlannedLinks;
import io.plumbline.avro.v1.IntentCable;
import org.junit.jupiter.api.Test;

class PlannedLinksAggregationTest {

  private static final IntentCable PLANNED = cable("c-2-2", "leaf-02", "rail2");
  private static final IntentCable CORRECTED = cable("c-2-2", "leaf-03", "rail2");

  @Test
  void eachEndSeesTheOtherAsItsPeer() {
    PlannedLink fromServer = CableEnd.B.link(PLANNED);
    PlannedLink fromLeaf = CableEnd.A.link(PLANNED);

    assertThat(CableEnd.B.deviceId(PLANNED)).isEqualTo("102");
    assertThat(fromServer.getLocalInterface()).isEqualTo("rail2");
    assertThat(fromServer.getPeerDeviceName()).isEqualTo("leaf-02");
    assertThat(fromServer.getPeerInterface()).isEqualTo("Ethernet1/2");
    assertThat(fromLeaf.getLocalInterface()).isEqualTo("Ethernet1/2");
    assertThat(fromLeaf.getPeerDeviceName()).isEqualTo("dgx-r14-n2");
  }

  @Test
  void anUpdateGivesTheNewCableWhicheverOrderSubtractAndAddArriveIn() {
    PlannedLinks before = add(PlannedLinksAggregation.empty(), PLANNED);

    PlannedLinks subtractFirst = add(remove(before, PLANNED), CORRECTED);
    PlannedLinks addFirst = remove(add(before, CORRECTED), PLANNED);

    assertThat(subtractFirst).isEqualTo(addFirst);
    assertThat(addFirst.getLinks())
        .singleElement()
        .extracting(PlannedLink::getPeerDeviceName)
        .isEqualTo("leaf-03");
  }

  @Test
  void removingTheLastCableLeavesNoState() {
    assertThat(remove(add(PlannedLinksAggregation.empty(), PLANNED), PLANNED)).isNull();
  }

  @Test
  void mergingKeepsBothEndsSorted() {
    PlannedLinks aSide =
        PlannedLinksAggregation.add(
            "102", cable("c-2-9", "leaf-09", "rail9"), PlannedLinksAggregation.empty(), CableEnd.B);
    PlannedLinks bSide = add(PlannedLinksAggregation.empty(), PLANNED);

    assertThat(PlannedLinksAggregation.merge(aSide, bSide).getLinks())
        .extracting(PlannedLink::getLocalInterface)
        .containsExactly("rail2", "rail9");
    assertThat(PlannedLinksAggregation.merge(null, bSide)).isSameAs(bSide);
  }

  private static PlannedLinks add(PlannedLinks links, IntentCable cable) {
    return PlannedLinksAggregation.add("102", cable, links, CableEnd.B);
  }

  private static PlannedLinks remove(PlannedLinks links, IntentCable cable) {
    return PlannedLinksAggregation.remove("102", cable, links, CableEnd.B);
  }

  /** Leaf port Ethernet1/2 on the A side, node 102's {@code serverPort} on the B side. */
  private static IntentCable cable(String id, String leaf, String serverPort) {
    return IntentCable.newBuilder()
        .setId(id)
        .setADeviceId("2" + leaf.substring(leaf.length() - 2))
        .setADeviceName(leaf)
        .setAInterface("Ethernet1/2")
        .setBDeviceId("102")
        .setBDeviceName("dgx-r14-n2")
        .setBInterface(serverPort)
        .setStatus("connected")
        .build();
  }
}
