package io.plumbline.it.ops;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads: the bare selectors, without functions, aggregation
 * operators, keywords, label names or values, durations and Grafana variables. Enough of PromQL's
 * grammar for the rules and dashboards we write; an expression it cannot read yields names that
 * fail the contract check rather than passing silently.
 */
final class PromqlMetricNames {

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`");
  private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-z]+");
  private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
  private static final Pattern TOKEN =
      Pattern.compile(
          "0x[0-9a-fA-F]+|[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?|([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "offset",
          "inf",
          "nan",
          "atan2");

  private PromqlMetricNames() {}

  static Set<String> of(String expression) {
    String rest = STRING.matcher(expression).replaceAll(" ");
    rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
    rest = RANGE.matcher(rest).replaceAll(" ");
    rest = GROUPING.matcher(rest).replaceAll(" ");
    rest = OFFSET.matcher(rest).replaceAll(" ");
    rest = GRAFANA_VARIABLE.matcher(rest).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher token = TOKEN.matcher(rest);
    while (token.find()) {
      String identifier = token.group(3);
      boolean calledAsFunction = token.group(4) != null;
      if (identifier != null
          && !calledAsFunction
          && !KEYWORDS.contains(identifier.toLowerCase(java.util.Locale.ROOT))) {
        names.add(identifier);
      }
    }
    return names;
  }
}
