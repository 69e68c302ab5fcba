package io.plumbline.topology.cabling;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises the names at both ends of a link so that NetBox and LLDP spellings compare equal.
 *
 * <ul>
 *   <li>Server ports: the NetBox interface name is matched to the NIC's Redfish {@code portId}
 *       trimmed and case-insensitively. Ingest and the simulator publish the NetBox interface name
 *       as {@code portId}; a BMC that reports its own port numbering needs that mapping in ingest.
 *   <li>Switch names: LLDP {@code systemName} against the NetBox device name, case-insensitively
 *       and without the domain suffix ({@code leaf-03.dc2.example.com} is {@code leaf-03}).
 *   <li>Switch ports: case-insensitively, without blanks, with the common abbreviations {@code
 *       Eth1/5} and {@code Et1/5} expanded to {@code Ethernet1/5}.
 * </ul>
 */
final class InterfaceNames {

  private static final Pattern ETHERNET_ABBREVIATION = Pattern.compile("^(eth|et)(?=[0-9])");
  private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");

  private InterfaceNames() {}

  /** A server port name trimmed and lower-cased; null when blank. */
  static String serverPort(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return raw.strip().toLowerCase(Locale.ROOT);
  }

  /** A switch's name without case or domain suffix; null when blank. */
  static String deviceName(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String name = raw.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    // An address is not a host name: cutting it at the first dot would make 10.0.0.1 equal
    // 10.9.9.9.
    int dot = name.indexOf('.');
    return dot > 0 && !IP_ADDRESS.matcher(name).matches() ? name.substring(0, dot) : name;
  }

  /** A switch port name without case or blanks, "Eth" expanded to "Ethernet"; null when blank. */
  static String switchPort(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String port = raw.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    return ETHERNET_ABBREVIATION.matcher(port).replaceFirst("ethernet");
  }
}
