package io.plumbline.topology.identity;

import io.plumbline.avro.internal.v1.DeviceWithType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentRack;

/**
 * The keys that identify an observed system as an intended device, in the order they are trusted: a
 * serial number is printed on the chassis, a BMC MAC is burnt into the board, an asset tag is a
 * sticker someone applied, a location is where someone says the box is.
 */
public enum IdentityKey {
  SERIAL,
  BMC_MAC,
  ASSET_TAG,
  LOCATION;

  /** This key of an intended device (with its rack known for LOCATION); null when it has none. */
  public String of(DeviceWithType placed) {
    IntentDevice device = placed.getDevice();
    return switch (this) {
      case SERIAL -> Identifiers.serial(device.getSerial());
      case BMC_MAC -> Identifiers.mac(device.getBmcMac());
      case ASSET_TAG -> Identifiers.assetTag(device.getAssetTag());
      case LOCATION -> location(placed.getRack(), device.getPosition());
    };
  }

  /** The key's name in topology nodes and stores, e.g. {@code bmc-mac}. */
  public String slug() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String location(IntentRack rack, Double position) {
    return rack == null ? null : Identifiers.location(rack.getName(), position);
  }
}
