package io.plumbline.topology.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.internal.v1.DeviceClaims;
import io.plumbline.avro.internal.v1.DeviceMatch;
import io.plumbline.avro.internal.v1.IdentityCandidates;
import io.plumbline.avro.internal.v1.ObservationMatch;
import io.plumbline.avro.v1.ObservedSystem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityMatcherTest {

  private static IdentityCandidates.Builder candidates() {
    return IdentityCandidates.newBuilder().setBmcId("3c:ec:ef:00:00:01");
  }

  @Test
  void theFirstKeyWithCandidatesDecides() {
    ObservationMatch match =
        IdentityMatcher.decide(
            candidates()
                .setSerialKey("S1")
                .setSerialMatches(List.of("101"))
                .setMacKey("3c:ec:ef:00:00:01")
                .setMacMatches(List.of("102"))
                .build());

    assertThat(match.getDeviceId()).isEqualTo("101");
    assertThat(match.getMatchedBy()).isEqualTo("SERIAL");
  }

  @Test
  void aKeyWithoutCandidatesFallsThroughToTheNext() {
    ObservationMatch match =
        IdentityMatcher.decide(
            candidates()
                .setSerialKey("S1")
                .setAssetTagKey("A1")
                .setAssetTagMatches(List.of("103"))
                .build());

    assertThat(match.getDeviceId()).isEqualTo("103");
    assertThat(match.getMatchedBy()).isEqualTo("ASSET_TAG");
  }

  @Test
  void anAmbiguousKeyMatchesNothingAndWeakerKeysAreNotConsulted() {
    ObservationMatch match =
        IdentityMatcher.decide(
            candidates()
                .setMacKey("3c:ec:ef:00:00:01")
                .setMacMatches(List.of("101", "102"))
                .setLocationKey("R14@2")
                .setLocationMatches(List.of("101"))
                .build());

    assertThat(match.getDeviceId()).isNull();
    assertThat(match.getMatchedBy()).isEqualTo("BMC_MAC");
    assertThat(match.getAmbiguousWith()).containsExactly("101", "102");
  }

  @Test
  void nothingMatchesWhenNoKeyHasCandidates() {
    ObservationMatch match = IdentityMatcher.decide(candidates().setSerialKey("S1").build());

    assertThat(match.getDeviceId()).isNull();
    assertThat(match.getMatchedBy()).isNull();
    assertThat(match.getAmbiguousWith()).isEmpty();
  }

  @Test
  void theStrongestUniqueClaimWinsADevice() {
    DeviceMatch match =
        IdentityMatcher.winner(new DeviceClaims(Map.of("a", "LOCATION", "b", "SERIAL")));

    assertThat(match.getBmcId()).isEqualTo("b");
    assertThat(match.getMatchedBy()).isEqualTo("SERIAL");
  }

  @Test
  void equallyStrongClaimsWinNothing() {
    DeviceMatch match =
        IdentityMatcher.winner(
            new DeviceClaims(Map.of("a", "ASSET_TAG", "b", "ASSET_TAG", "c", "LOCATION")));

    assertThat(match.getBmcId()).isNull();
    assertThat(IdentityMatcher.winner(new DeviceClaims(Map.of())).getBmcId()).isNull();
  }

  @Test
  void aSerialEqualToAReportedOrKnownPartNumberIsAbsent() {
    ObservedSystem sku =
        ObservedSystem.newBuilder()
            .setBmcId("x")
            .setObservedAt(Instant.EPOCH)
            .setSerialNumber(" 965-24387-0002-000 ")
            .setSku("965-24387-0002-000")
            .build();
    ObservedSystem model =
        ObservedSystem.newBuilder(sku).setSku(null).setSerialNumber("DGXB200").build();

    assertThat(ObservedIdentity.serial(sku)).isNull();
    assertThat(ObservedIdentity.serial(model)).isEqualTo("DGXB200");
    assertThat(ObservedIdentity.serial(model, "DGX B200", "965-24387-0002-000")).isNull();
  }
}
