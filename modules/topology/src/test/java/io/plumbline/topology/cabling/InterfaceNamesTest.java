package io.plumbline.topology.cabling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterfaceNamesTest {

  @Test
  void serverPortsCompareTrimmedAndWithoutCase() {
    assertThat(InterfaceNames.serverPort(" RAIL3 ")).isEqualTo("rail3");
    assertThat(InterfaceNames.serverPort("enp26s0np0")).isEqualTo("enp26s0np0");
    assertThat(InterfaceNames.serverPort("  ")).isNull();
    assertThat(InterfaceNames.serverPort(null)).isNull();
  }

  @Test
  void switchNamesLoseCaseAndDomain() {
    assertThat(InterfaceNames.deviceName("leaf-03.dc2.example.com"))
        .isEqualTo(InterfaceNames.deviceName("LEAF-03"))
        .isEqualTo("leaf-03");
    assertThat(InterfaceNames.deviceName("leaf-03.")).isEqualTo("leaf-03");
    assertThat(InterfaceNames.deviceName("10.0.0.1")).isEqualTo("10.0.0.1");
    assertThat(InterfaceNames.deviceName(" ")).isNull();
  }

  @Test
  void switchPortsExpandTheEthernetAbbreviation() {
    assertThat(InterfaceNames.switchPort("Eth1/5"))
        .isEqualTo(InterfaceNames.switchPort("Ethernet1/5"))
        .isEqualTo(InterfaceNames.switchPort("ethernet 1/5"))
        .isEqualTo(InterfaceNames.switchPort("Et1/5"))
        .isEqualTo("ethernet1/5");
    assertThat(InterfaceNames.switchPort("swp5")).isEqualTo("swp5");
    assertThat(InterfaceNames.switchPort("Ethernet1/5")).isNotEqualTo("ethernet1/50");
  }
}
