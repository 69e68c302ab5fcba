package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.SerialInstallation;
import io.plumbline.avro.internal.v1.SerialInstallations;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedSystem;
import java.util.HashMap;
import java.util.Map;

/** Where the systems reporting one serial are: adds and withdraws one BMC's place. */
final class SerialPlaces {

  private SerialPlaces() {}

  static SerialInstallation placeOf(String bmcId, ObservedSystem system) {
    ObservedLocation location = system.getLocation();
    return SerialInstallation.newBuilder()
        .setBmcId(bmcId)
        .setHostName(system.getHostName())
        .setBmcAddress(system.getBmcAddress())
        .setRack(location == null ? null : location.getRack())
        .setPosition(location == null ? null : location.getPosition())
        .build();
  }

  static SerialInstallations with(SerialInstallations places, SerialInstallation place) {
    Map<String, SerialInstallation> out =
        places == null ? new HashMap<>() : new HashMap<>(places.getPlaces());
    out.put(place.getBmcId(), place);
    return new SerialInstallations(out);
  }

  /** Null once no system reports the serial, so the store keeps no empty entries. */
  static SerialInstallations without(SerialInstallations places, SerialInstallation place) {
    if (places == null) {
      return null;
    }
    Map<String, SerialInstallation> out = new HashMap<>(places.getPlaces());
    out.remove(place.getBmcId());
    return out.isEmpty() ? null : new SerialInstallations(out);
  }
}
