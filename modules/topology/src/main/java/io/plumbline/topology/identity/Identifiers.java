package io.plumbline.topology.identity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Normalises the identifiers real BMCs and NetBox disagree on: padded serials, MACs in any case and
 * separator, models written with or without spaces and dashes, placeholder values BIOSes ship with.
 */
public final class Identifiers {

  /**
   * Values firmware ships in serial and asset-tag fields when nobody set them, compared after
   * {@link #model}: they identify nothing, so they count as absent.
   */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "DEFAULTSTRING",
          "TOBEFILLEDBYOEM",
          "NOTSPECIFIED",
          "NOTAVAILABLE",
          "NONE",
          "NA",
          "NULL",
          "UNKNOWN",
          "0123456789",
          "000000000000");

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

  /** A serial number trimmed and upper-cased; null when blank or a firmware placeholder. */
  public static String serial(String raw) {
    return tag(raw);
  }

  /** An asset tag trimmed and upper-cased; null when blank or a firmware placeholder. */
  public static String assetTag(String raw) {
    return tag(raw);
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

  /**
   * A rack and U position as one key, e.g. {@code R14@2} for rack "r-14" at U 2.0; null unless both
   * are known.
   */
  public static String location(String rackName, Double position) {
    String rack = model(rackName);
    if (rack == null || position == null || position.isNaN() || position.isInfinite()) {
      return null;
    }
    return rack + "@" + position(position);
  }

  /** A U position without trailing zeros: 2.0 is "2", 2.5 is "2.5". */
  public static String position(double position) {
    return BigDecimal.valueOf(position).stripTrailingZeros().toPlainString();
  }

  private static String tag(String raw) {
    if (raw == null) {
      return null;
    }
    String trimmed = raw.strip().toUpperCase(Locale.ROOT);
    if (trimmed.isEmpty() || PLACEHOLDERS.contains(model(trimmed))) {
      return null;
    }
    return trimmed;
  }
}
