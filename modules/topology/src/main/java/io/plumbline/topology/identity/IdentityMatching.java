package io.plumbline.topology.identity;

import io.plumbline.avro.internal.v1.ClaimOutcome;
import io.plumbline.avro.internal.v1.DeviceClaims;
import io.plumbline.avro.internal.v1.DeviceMatch;
import io.plumbline.avro.internal.v1.DeviceWithType;
import io.plumbline.avro.internal.v1.IdSet;
import io.plumbline.avro.internal.v1.IdentityCandidates;
import io.plumbline.avro.internal.v1.ObservationMatch;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.topology.AvroSerdes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Builds the match tables between observed systems (keyed by BMC key) and intended devices (keyed
 * by device id) from table operations only, so a change on either side re-matches:
 *
 * <ol>
 *   <li>for each {@link IdentityKey}, an index from the key's value to the devices carrying it;
 *   <li>each observation joined (foreign key) to the index entry of each of its keys: its
 *       candidates;
 *   <li>{@link IdentityMatcher#decide} per observation, re-grouped by the device it identifies;
 *   <li>{@link IdentityMatcher#winner} per device: the device's match table;
 *   <li>per claiming observation, whether its claim won, keyed back by BMC key.
 * </ol>
 *
 * Every node, repartition and store is named after {@code prefix}.
 */
public final class IdentityMatching {

  /**
   * The results: per device the matched observation; per observation its decision and the outcome
   * of its claim (absent until the claim has been weighed).
   */
  public record Tables(
      KTable<String, DeviceMatch> deviceMatches,
      KTable<String, ObservationMatch> observationMatches,
      KTable<String, ClaimOutcome> claimOutcomes) {}

  private final String prefix;
  private final AvroSerdes serdes;
  private final Serde<String> keys = Serdes.String();

  public IdentityMatching(String prefix, AvroSerdes serdes) {
    this.prefix = prefix;
    this.serdes = serdes;
  }

  /** Adds the matching to the topology of {@code devices} and {@code observed}. */
  public Tables addTo(
      KTable<String, DeviceWithType> devices, KTable<String, ObservedSystem> observed) {
    KTable<String, IdentityCandidates> candidates =
        observed.mapValues(
            IdentityMatching::keysOf,
            Named.as(prefix + "-observed-keys"),
            materialized(prefix + "-observed-keys-store", IdentityCandidates.class));
    for (IdentityKey key : IdentityKey.values()) {
      candidates =
          candidates.leftJoin(
              devicesBy(key, devices),
              c -> valueOf(c, key),
              (c, ids) -> withMatches(c, key, ids),
              TableJoined.as(prefix + "-candidates-by-" + key.slug()),
              materialized(
                  prefix + "-candidates-by-" + key.slug() + "-store", IdentityCandidates.class));
    }
    KTable<String, ObservationMatch> decisions =
        candidates.mapValues(
            IdentityMatcher::decide,
            Named.as(prefix + "-observation-decisions"),
            materialized(prefix + "-observation-matches-store", ObservationMatch.class));

    KTable<String, DeviceClaims> claims =
        decisions
            .filter((bmcId, match) -> match.getDeviceId() != null, Named.as(prefix + "-claiming"))
            .groupBy(
                (bmcId, match) -> KeyValue.pair(match.getDeviceId(), match),
                Grouped.with(
                    prefix + "-claims-by-device", keys, serdes.value(ObservationMatch.class)))
            .aggregate(
                () -> new DeviceClaims(Map.of()),
                (deviceId, match, agg) -> claim(agg, match, true),
                (deviceId, match, agg) -> claim(agg, match, false),
                Named.as(prefix + "-claims"),
                materialized(prefix + "-device-claims-store", DeviceClaims.class));

    KTable<String, DeviceMatch> deviceMatches =
        claims.mapValues(
            IdentityMatcher::winner,
            Named.as(prefix + "-device-match"),
            materialized(prefix + "-device-matches-store", DeviceMatch.class));

    KTable<String, ClaimOutcome> outcomes =
        claims
            .toStream(Named.as(prefix + "-claim-changes"))
            .flatMap(
                (deviceId, deviceClaims) -> outcomesOf(deviceId, deviceClaims),
                Named.as(prefix + "-claim-outcomes-by-bmc"))
            .toTable(
                Named.as(prefix + "-claim-outcomes"),
                materialized(prefix + "-claim-outcomes-store", ClaimOutcome.class));
    return new Tables(deviceMatches, decisions, outcomes);
  }

  /** The devices carrying each value of one identity key. */
  private KTable<String, IdSet> devicesBy(IdentityKey key, KTable<String, DeviceWithType> devices) {
    String name = prefix + "-devices-by-" + key.slug();
    return devices
        // A table filter turns a device that lost its key into a removal from the old entry.
        .filter((deviceId, device) -> key.of(device) != null, Named.as(name + "-keyed"))
        .groupBy(
            (deviceId, device) -> KeyValue.pair(key.of(device), deviceId),
            Grouped.with(name, keys, keys))
        .aggregate(
            () -> new IdSet(List.of()),
            (value, deviceId, set) -> IdSets.with(set, deviceId),
            (value, deviceId, set) -> IdSets.without(set, deviceId),
            Named.as(name + "-index"),
            materialized(name + "-store", IdSet.class));
  }

  private <V extends SpecificRecord>
      Materialized<String, V, KeyValueStore<Bytes, byte[]>> materialized(
          String store, Class<V> type) {
    return Materialized.<String, V, KeyValueStore<Bytes, byte[]>>as(store)
        .withKeySerde(keys)
        .withValueSerde(serdes.value(type));
  }

  static IdentityCandidates keysOf(String bmcId, ObservedSystem system) {
    return IdentityCandidates.newBuilder()
        .setBmcId(bmcId)
        .setHostName(system.getHostName())
        .setBmcAddress(system.getBmcAddress())
        .setSerialKey(ObservedIdentity.serial(system))
        .setMacKey(ObservedIdentity.mac(system))
        .setAssetTagKey(ObservedIdentity.assetTag(system))
        .setLocationKey(ObservedIdentity.location(system))
        .build();
  }

  private static String valueOf(IdentityCandidates candidates, IdentityKey key) {
    return switch (key) {
      case SERIAL -> candidates.getSerialKey();
      case BMC_MAC -> candidates.getMacKey();
      case ASSET_TAG -> candidates.getAssetTagKey();
      case LOCATION -> candidates.getLocationKey();
    };
  }

  private static IdentityCandidates withMatches(
      IdentityCandidates candidates, IdentityKey key, IdSet devices) {
    List<String> ids = devices == null ? List.of() : devices.getIds();
    IdentityCandidates.Builder out = IdentityCandidates.newBuilder(candidates);
    switch (key) {
      case SERIAL -> out.setSerialMatches(ids);
      case BMC_MAC -> out.setMacMatches(ids);
      case ASSET_TAG -> out.setAssetTagMatches(ids);
      case LOCATION -> out.setLocationMatches(ids);
    }
    return out.build();
  }

  private static DeviceClaims claim(DeviceClaims claims, ObservationMatch match, boolean add) {
    Map<String, String> out = new HashMap<>(claims.getClaims());
    if (add) {
      out.put(match.getBmcId(), match.getMatchedBy());
    } else {
      out.remove(match.getBmcId());
    }
    return new DeviceClaims(out);
  }

  private static List<KeyValue<String, ClaimOutcome>> outcomesOf(
      String deviceId, DeviceClaims claims) {
    String winner = IdentityMatcher.winner(claims).getBmcId();
    List<KeyValue<String, ClaimOutcome>> out = new ArrayList<>();
    for (String bmcId : new TreeSet<>(claims.getClaims().keySet())) {
      out.add(KeyValue.pair(bmcId, new ClaimOutcome(deviceId, bmcId.equals(winner), winner)));
    }
    return out;
  }
}
