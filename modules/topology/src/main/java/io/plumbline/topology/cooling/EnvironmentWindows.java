package io.plumbline.topology.cooling;

import io.plumbline.avro.internal.v1.EnvironmentWindow;
import io.plumbline.avro.internal.v1.KindWindow;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Sums a sensor's readings per kind over a window, and reads the means back. */
final class EnvironmentWindows {

  private EnvironmentWindows() {}

  static EnvironmentWindow empty() {
    return EnvironmentWindow.newBuilder().setSensorId("").build();
  }

  /** The window with one more reading; the input is not modified. */
  static EnvironmentWindow add(
      String sensorId, EnvironmentReading reading, EnvironmentWindow window) {
    List<KindWindow> kinds = new ArrayList<>();
    boolean added = false;
    for (KindWindow kind : window.getKinds()) {
      if (kind.getKind() == reading.getKind()) {
        kinds.add(
            KindWindow.newBuilder(kind)
                .setValueSum(kind.getValueSum() + reading.getValue())
                .setSamples(kind.getSamples() + 1)
                .setUnit(reading.getUnit())
                .build());
        added = true;
      } else {
        kinds.add(kind);
      }
    }
    if (!added) {
      kinds.add(
          KindWindow.newBuilder()
              .setKind(reading.getKind())
              .setValueSum(reading.getValue())
              .setSamples(1)
              .setUnit(reading.getUnit())
              .build());
    }
    EnvironmentWindow.Builder out =
        EnvironmentWindow.newBuilder(window).setSensorId(sensorId).setKinds(kinds);
    if (reading.getRackId() != null) {
      out.setRackId(reading.getRackId());
    }
    if (reading.getCduId() != null) {
      out.setCduId(reading.getCduId());
    }
    return out.build();
  }

  /** The mean and unit of each kind measured in the window. */
  static Map<EnvironmentKind, Mean> means(EnvironmentWindow window) {
    Map<EnvironmentKind, Mean> means = new EnumMap<>(EnvironmentKind.class);
    for (KindWindow kind : window.getKinds()) {
      if (kind.getSamples() > 0) {
        means.put(kind.getKind(), new Mean(kind.getValueSum() / kind.getSamples(), kind.getUnit()));
      }
    }
    return means;
  }

  /** A mean value with its unit. */
  record Mean(double value, String unit) {}
}
