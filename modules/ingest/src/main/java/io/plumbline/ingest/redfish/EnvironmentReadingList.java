package io.plumbline.ingest.redfish;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import java.time.Instant;
import java.util.List;

/**
 * Collects the environment readings of one piece of equipment read at one instant: each sensor's id
 * is the equipment's prefix and the sensor's name; a missing value is skipped, not a reading.
 *
 * @param prefix the equipment's sensor-id prefix
 * @param rack the rack the readings belong to, or null
 * @param cduId the CDU the readings come from, or null for other equipment
 * @param measuredAt when they were read
 * @param readings where they go
 */
record EnvironmentReadingList(
    String prefix,
    String rack,
    String cduId,
    Instant measuredAt,
    List<EnvironmentReading> readings) {

  void add(String sensor, EnvironmentKind kind, Double value, String unit) {
    if (value == null) {
      return;
    }
    readings.add(
        EnvironmentReading.newBuilder()
            .setSensorId(prefix + "/" + sensor)
            .setRackId(rack)
            .setCduId(cduId)
            .setMeasuredAt(measuredAt)
            .setKind(kind)
            .setValue(value)
            .setUnit(unit)
            .build());
  }
}
