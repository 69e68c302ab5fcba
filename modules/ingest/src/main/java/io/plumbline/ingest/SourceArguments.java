package io.plumbline.ingest;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A source's own command-line options ({@code --name value} and {@code --flag}), checked against
 * the options it knows: an unknown option or a missing value is an {@link IllegalArgumentException}
 * naming it.
 */
public final class SourceArguments {

  private final String source;
  private final Map<String, List<String>> values = new HashMap<>();

  private SourceArguments(String source) {
    this.source = source;
  }

  /**
   * @param withValue options that take a value (may repeat)
   * @param flags options without a value
   */
  public static SourceArguments parse(
      String source, List<String> args, Set<String> withValue, Set<String> flags) {
    SourceArguments parsed = new SourceArguments(source);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (flags.contains(name) && value == null) {
        parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (withValue.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new IllegalArgumentException(source + ": " + name + " needs a value");
          }
          value = args.get(++i);
        }
        parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        throw new IllegalArgumentException(source + ": unknown option " + arg);
      }
    }
    return parsed;
  }

  public boolean flag(String name) {
    return values.containsKey(name);
  }

  public String value(String name) {
    List<String> all = values.get(name);
    return all == null ? null : all.get(all.size() - 1);
  }

  public String required(String name) {
    String value = value(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(source + ": " + name + " is required");
    }
    return value;
  }

  public Integer integer(String name, int min, int max) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            source + ": " + name + " " + value + " is outside " + min + ".." + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(source + ": " + name + " " + value + " is not a number");
    }
  }

  /** A duration as {@code 30s}, {@code 5m}, {@code 1h}, {@code 250ms} or ISO-8601 {@code PT5M}. */
  public Duration duration(String name) {
    String value = value(name);
    if (value == null) {
      return null;
    }
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      Duration parsed;
      if (text.startsWith("p")) {
        parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
      } else if (text.endsWith("ms")) {
        parsed = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else if (text.endsWith("s")) {
        parsed = Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("m")) {
        parsed = Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
      } else if (text.endsWith("h")) {
        parsed = Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1)));
      } else {
        throw new NumberFormatException();
      }
      if (parsed.isNegative() || parsed.isZero()) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          source + ": " + name + " " + value + " is not a duration like 30s, 5m, 1h or PT5M");
    }
  }
}
