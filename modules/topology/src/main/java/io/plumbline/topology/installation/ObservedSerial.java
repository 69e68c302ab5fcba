package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.topology.identity.ObservedIdentity;

/** The serial a device's matched system reports, normalised; null when it reports none. */
final class ObservedSerial {

  private ObservedSerial() {}

  static String of(DeviceContext context) {
    if (context.getObserved() == null) {
      return null;
    }
    IntentDeviceType type = context.getDeviceType();
    return type == null
        ? ObservedIdentity.serial(context.getObserved())
        : ObservedIdentity.serial(context.getObserved(), type.getModel(), type.getPartNumber());
  }
}
