package io.plumbline.topology.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void macsOfAnySpellingNormaliseToOne() {
    assertThat(Identifiers.mac("3C-EC-EF-01-02-03")).isEqualTo("3c:ec:ef:01:02:03");
    assertThat(Identifiers.mac("3cec.ef01.0203")).isEqualTo("3c:ec:ef:01:02:03");
    assertThat(Identifiers.mac(" 3c:ec:ef:01:02:03 ")).isEqualTo("3c:ec:ef:01:02:03");
    assertThat(Identifiers.mac("bmc-r14-u02")).isNull();
    assertThat(Identifiers.mac(null)).isNull();
  }

  @Test
  void serialsAreTrimmedAndUpperCased() {
    assertThat(Identifiers.serial("1570024000123   ")).isEqualTo("1570024000123");
    assertThat(Identifiers.serial("  ab12 ")).isEqualTo("AB12");
    assertThat(Identifiers.serial("   ")).isNull();
  }

  @Test
  void modelsCompareWithoutSpacesDashesOrCase() {
    assertThat(Identifiers.model("DGX B200")).isEqualTo(Identifiers.model("dgx-b200 "));
    assertThat(Identifiers.model("965-24387-0002-000")).isEqualTo("965243870002000");
    assertThat(Identifiers.model(" - ")).isNull();
  }

  @Test
  void placeholderSerialsAndAssetTagsAreAbsent() {
    assertThat(Identifiers.serial("To Be Filled By O.E.M.")).isNull();
    assertThat(Identifiers.assetTag("Default string")).isNull();
    assertThat(Identifiers.assetTag(" dc1-004211 ")).isEqualTo("DC1-004211");
  }

  @Test
  void locationsJoinRackNameAndPosition() {
    assertThat(Identifiers.location("r-14", 2.0)).isEqualTo("R14@2");
    assertThat(Identifiers.location("R14", 2.5)).isEqualTo("R14@2.5");
    assertThat(Identifiers.location("R14", null)).isNull();
    assertThat(Identifiers.location(null, 2.0)).isNull();
  }
}
