package io.plumbline.topology.identity;

import java.util.Locale;

/**
 * Normalises the identifiers real BMCs and NetBox disagree on: padded serials, MACs in any case and
 * separator, models written with or without spaces and dashes.
 */
public final class Identifiers {

  private Identifiers() {}

  /** A MAC address as lower-case colon-separated hex, or null if the input has no 12 hex digits. */
  public static String mac(String raw) {
    if (raw == null) {
      return null;
    }
    String hex = raw.replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
    if (hex.length() != 12) {
      return null;
    }
    StringBuilder out = new StringBuilder(17);
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, i + 2);
    }
    return out.toString();
  }

  /** A serial number trimmed and upper-cased; null when blank. */
  public static String serial(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.strip().toUpperCase(Locale.ROOT);
    return trimmed.isEmpty() ? null : trimmed;
  }

  /**
   * A model or part number reduced to upper-case letters and digits, so "DGX B200", "dgx-b200" and
   * "DGXB200 " compare equal; null when nothing is left.
   */
  public static String model(String raw) {
    if (raw == null) {
      return null;
    }
    String compact = raw.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    return compact.isEmpty() ? null : compact;
  }
}
