package io.plumbline.topology.identity;

import io.plumbline.avro.internal.v1.DeviceClaims;
import io.plumbline.avro.internal.v1.DeviceMatch;
import io.plumbline.avro.internal.v1.IdentityCandidates;
import io.plumbline.avro.internal.v1.ObservationMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides matches without guessing. An observation identifies the device its first identity key (in
 * {@link IdentityKey} order) with any candidate points to, when that key points to exactly one
 * device; a key shared by several devices is ambiguous and the observation identifies none (a
 * weaker key is not consulted, since it would override the stronger evidence). A device claimed by
 * several observations is matched to the one claiming it by the strongest key, and to none when two
 * claim it equally strongly.
 */
public final class IdentityMatcher {

  private IdentityMatcher() {}

  /** The device one observation identifies, given the devices sharing each of its keys. */
  public static ObservationMatch decide(IdentityCandidates candidates) {
    ObservationMatch.Builder out =
        ObservationMatch.newBuilder()
            .setBmcId(candidates.getBmcId())
            .setHostName(candidates.getHostName())
            .setBmcAddress(candidates.getBmcAddress());
    for (IdentityKey key : IdentityKey.values()) {
      List<String> matches = matchesOf(candidates, key);
      if (matches.size() == 1) {
        return out.setDeviceId(matches.get(0)).setMatchedBy(key.name()).build();
      }
      if (matches.size() > 1) {
        return out.setMatchedBy(key.name()).setAmbiguousWith(List.copyOf(matches)).build();
      }
    }
    return out.build();
  }

  /** The observation matched to a device among those claiming it; bmcId null when none is. */
  public static DeviceMatch winner(DeviceClaims claims) {
    TreeMap<IdentityKey, List<String>> byStrength = new TreeMap<>();
    for (Map.Entry<String, String> claim : claims.getClaims().entrySet()) {
      byStrength
          .computeIfAbsent(IdentityKey.valueOf(claim.getValue()), k -> new ArrayList<>())
          .add(claim.getKey());
    }
    if (byStrength.isEmpty()) {
      return new DeviceMatch(null, null);
    }
    Map.Entry<IdentityKey, List<String>> strongest = byStrength.firstEntry();
    String bmcId = strongest.getValue().size() == 1 ? strongest.getValue().get(0) : null;
    return new DeviceMatch(bmcId, strongest.getKey().name());
  }

  private static List<String> matchesOf(IdentityCandidates candidates, IdentityKey key) {
    return switch (key) {
      case SERIAL -> candidates.getSerialKey() == null ? List.of() : candidates.getSerialMatches();
      case BMC_MAC -> candidates.getMacKey() == null ? List.of() : candidates.getMacMatches();
      case ASSET_TAG ->
          candidates.getAssetTagKey() == null ? List.of() : candidates.getAssetTagMatches();
      case LOCATION ->
          candidates.getLocationKey() == null ? List.of() : candidates.getLocationMatches();
    };
  }
}
