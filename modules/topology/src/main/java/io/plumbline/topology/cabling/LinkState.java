package io.plumbline.topology.cabling;

import java.util.Locale;

/**
 * A NIC port's link status as Redfish reports it: {@code Port.LinkStatus} (LinkUp, LinkDown,
 * NoLink, Starting, Training) or {@code NetworkPort.LinkStatus} (Up, Down), in any case.
 */
enum LinkState {
  UP,
  DOWN,
  /** Starting, training or a value this check does not know: neither up nor down. */
  CHANGING,
  NOT_REPORTED;

  static LinkState of(String linkStatus) {
    if (linkStatus == null || linkStatus.isBlank()) {
      return NOT_REPORTED;
    }
    return switch (linkStatus.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT)) {
      case "linkup", "up" -> UP;
      case "linkdown", "down", "nolink" -> DOWN;
      default -> CHANGING;
    };
  }
}
