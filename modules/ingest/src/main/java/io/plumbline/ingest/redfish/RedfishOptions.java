package io.plumbline.ingest.redfish;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code plumbline ingest redfish}, parsed and checked: every problem is an {@link
 * IllegalArgumentException} naming the option.
 */
public record RedfishOptions(
    List<URI> bmcs,
    RedfishCredentials credentials,
    Path caFile,
    boolean insecure,
    Duration interval,
    int concurrency,
    RetryPolicy retry,
    EquipmentMap equipment) {

  public static final String USAGE =
      "--bmc URL [--bmc URL ...] | --bmc-file FILE [--user U --password-file F] [--session]"
          + " [--ca-file PEM | --insecure] [--interval 60s] [--concurrency 16] [--timeout 10s]"
          + " [--retries 2] [--pdu-map FILE]";

  public static RedfishOptions parse(List<String> args) {
    List<URI> bmcs = new ArrayList<>();
    String user = null;
    Path passwordFile = null;
    boolean session = false;
    Path caFile = null;
    boolean insecure = false;
    Duration interval = Duration.ofSeconds(60);
    int concurrency = 16;
    Duration timeout = Duration.ofSeconds(10);
    int retries = 2;
    Duration backoff = Duration.ofMillis(500);
    EquipmentMap equipment = EquipmentMap.empty();
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      switch (option) {
        case "--session" -> session = true;
        case "--insecure" -> insecure = true;
        case "--bmc" -> bmcs.add(bmcUrl(value(args, ++i, option), option));
        case "--bmc-file" -> bmcs.addAll(bmcFile(Path.of(value(args, ++i, option))));
        case "--user" -> user = value(args, ++i, option);
        case "--password-file" -> passwordFile = Path.of(value(args, ++i, option));
        case "--ca-file" -> caFile = Path.of(value(args, ++i, option));
        case "--interval" -> interval = duration(value(args, ++i, option), option);
        case "--concurrency" -> concurrency = positive(value(args, ++i, option), option);
        case "--timeout" -> timeout = duration(value(args, ++i, option), option);
        case "--retries" -> retries = count(value(args, ++i, option), option);
        case "--backoff" -> backoff = duration(value(args, ++i, option), option);
        case "--pdu-map" -> equipment = EquipmentMap.load(Path.of(value(args, ++i, option)));
        default ->
            throw new IllegalArgumentException(
                "ingest redfish: unknown option " + option + "; usage: " + USAGE);
      }
    }
    if (bmcs.isEmpty()) {
      throw new IllegalArgumentException("ingest redfish: --bmc or --bmc-file is required");
    }
    if (caFile != null && insecure) {
      throw new IllegalArgumentException(
          "ingest redfish: --ca-file and --insecure exclude each other");
    }
    if (caFile != null && !Files.isReadable(caFile)) {
      throw new IllegalArgumentException("--ca-file " + caFile + ": file not found or unreadable");
    }
    if ((passwordFile != null || session) && user == null) {
      throw new IllegalArgumentException(
          "ingest redfish: --password-file and --session need --user");
    }
    if (user != null && passwordFile == null) {
      throw new IllegalArgumentException(
          "ingest redfish: --user needs --password-file (passwords never go on the command line)");
    }
    RedfishCredentials credentials =
        user == null
            ? RedfishCredentials.none()
            : new RedfishCredentials(user, password(passwordFile), session);
    return new RedfishOptions(
        List.copyOf(bmcs),
        credentials,
        caFile,
        insecure,
        interval,
        concurrency,
        new RetryPolicy(timeout, retries, backoff),
        equipment);
  }

  /** What TLS trusts, from {@code --ca-file} / {@code --insecure}. */
  public TlsTrust trust() {
    if (insecure) {
      return TlsTrust.insecure();
    }
    return caFile != null ? TlsTrust.caFile(caFile) : TlsTrust.system();
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException("ingest redfish: " + option + " needs a value");
    }
    return args.get(i);
  }

  static URI bmcUrl(String raw, String option) {
    String text = raw.strip();
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    try {
      URI uri = URI.create(text);
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
        throw new IllegalArgumentException(option + " " + raw + ": expected http(s)://host[:port]");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          option + " " + raw + ": not a URL (" + e.getMessage() + ")", e);
    }
  }

  private static List<URI> bmcFile(Path file) {
    try {
      List<URI> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String entry = line.replaceFirst("#.*", "").strip();
        if (!entry.isEmpty()) {
          out.add(bmcUrl(entry, "--bmc-file " + file));
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("--bmc-file " + file + ": no BMC listed");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("--bmc-file " + file + ": cannot read (" + e + ")", e);
    }
  }

  private static String password(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isEmpty()) {
        throw new IllegalArgumentException("--password-file " + file + ": empty");
      }
      return lines.get(0);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--password-file " + file + ": cannot read (" + e + ")", e);
    }
  }

  /** A duration as {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT1M}. */
  static Duration duration(String raw, String option) {
    String text = raw.strip().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (text.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
      } else {
        d = Duration.parse(raw.strip().toUpperCase(Locale.ROOT));
      }
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(option + " " + raw + ": must be positive");
      }
      return d;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + " " + raw + ": not a duration (examples: 500ms, 10s, 5m, PT1M)", e);
    }
  }

  private static int positive(String raw, String option) {
    int n = count(raw, option);
    if (n < 1) {
      throw new IllegalArgumentException(option + " " + raw + ": must be at least 1");
    }
    return n;
  }

  private static int count(String raw, String option) {
    try {
      int n = Integer.parseInt(raw.strip());
      if (n < 0) {
        throw new IllegalArgumentException(option + " " + raw + ": must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " " + raw + ": not a whole number", e);
    }
  }
}
