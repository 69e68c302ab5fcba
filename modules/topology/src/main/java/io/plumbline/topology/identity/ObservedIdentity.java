package io.plumbline.topology.identity;

import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedSystem;

/**
 * The normalised identity keys of an observed system. A serial equal to a part number the BMC
 * reports (in its model, part number or SKU field) or to the intended type's model or part number
 * is a BMC reporting the SKU in the serial field: it counts as absent, never as a serial.
 */
public final class ObservedIdentity {

  private ObservedIdentity() {}

  /**
   * The serial, normalised, or null when absent or a known part number; {@code knownPartNumbers}
   * are further part numbers or models to reject (the intended type's).
   */
  public static String serial(ObservedSystem system, String... knownPartNumbers) {
    String serial = Identifiers.serial(system.getSerialNumber());
    if (serial == null) {
      return null;
    }
    String compact = Identifiers.model(serial);
    if (isOneOf(compact, system.getModel(), system.getPartNumber(), system.getSku())
        || isOneOf(compact, knownPartNumbers)) {
      return null;
    }
    return serial;
  }

  /** The BMC MAC, from its field or else its key. */
  public static String mac(ObservedSystem system) {
    String mac = Identifiers.mac(system.getBmcMac());
    return mac != null ? mac : Identifiers.mac(system.getBmcId());
  }

  /** The asset tag, normalised. */
  public static String assetTag(ObservedSystem system) {
    return Identifiers.assetTag(system.getAssetTag());
  }

  /** Rack name and U position as one key; null unless the BMC reports both. */
  public static String location(ObservedSystem system) {
    ObservedLocation location = system.getLocation();
    return location == null
        ? null
        : Identifiers.location(location.getRack(), location.getPosition());
  }

  private static boolean isOneOf(String compactSerial, String... partNumbers) {
    for (String partNumber : partNumbers) {
      String compact = Identifiers.model(partNumber);
      if (compact != null && compact.equals(compactSerial)) {
        return true;
      }
    }
    return false;
  }
}
