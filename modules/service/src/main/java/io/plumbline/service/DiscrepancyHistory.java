package io.plumbline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many discrepancies were open, per domain, at evenly spaced instants: folded from the
 * discrepancy views the query store keeps (each with its latest transitions), so no extra state is
 * kept for it. A view says a discrepancy was open at an instant when its latest transition at or
 * before that instant is OPENED or UPDATED; before its oldest kept transition it was open from
 * {@code firstSeen} if that transition is not an OPENED (the history keeps only the latest {@value
 * io.plumbline.topology.query.DiscrepancyViews#HISTORY_LIMIT} transitions).
 *
 * <p>Each instance folds its own partitions; the route sums the instances' counts.
 */
final class DiscrepancyHistory {

  static final int DEFAULT_POINTS = 60;
  static final int MAX_POINTS = 500;
  static final Duration DEFAULT_RANGE = Duration.ofHours(1);

  private final List<Instant> instants;
  private final Map<String, long[]> counts = new TreeMap<>();

  private DiscrepancyHistory(List<Instant> instants) {
    this.instants = instants;
  }

  /**
   * The sample instants for {@code from}, {@code to} (ISO-8601; default the last hour up to now)
   * and {@code points} (default {@value #DEFAULT_POINTS}, at most {@value #MAX_POINTS}): {@code
   * points} instants ending at {@code to}, evenly spaced, the first one step after {@code from}.
   */
  static List<Instant> instants(Map<String, String> params, Instant now) {
    for (String name : params.keySet()) {
      if (!List.of("from", "to", "points").contains(name)) {
        throw ApiException.badRequest(
            "unknown parameter '" + name + "'; known: [from, to, points]");
      }
    }
    Instant to = instant(params, "to", now);
    Instant from = instant(params, "from", to.minus(DEFAULT_RANGE));
    if (!from.isBefore(to)) {
      throw ApiException.badRequest("from must be before to");
    }
    int points;
    try {
      points = Integer.parseInt(params.getOrDefault("points", Integer.toString(DEFAULT_POINTS)));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("points must be a whole number");
    }
    if (points < 1 || points > MAX_POINTS) {
      throw ApiException.badRequest("points must be between 1 and " + MAX_POINTS);
    }
    long stepMillis = Math.max(1, Duration.between(from, to).toMillis() / points);
    List<Instant> instants = new ArrayList<>(points);
    for (int i = points - 1; i >= 0; i--) {
      instants.add(to.minusMillis(stepMillis * i));
    }
    return instants;
  }

  /** Counts the views' open discrepancies at each instant. */
  static DiscrepancyHistory of(List<Instant> instants, Iterable<DiscrepancyView> views) {
    DiscrepancyHistory history = new DiscrepancyHistory(instants);
    views.forEach(history::add);
    return history;
  }

  /** An empty history, to sum instances' answers into. */
  static DiscrepancyHistory empty(List<Instant> instants) {
    return new DiscrepancyHistory(instants);
  }

  void add(DiscrepancyView view) {
    if (view == null || view.getCurrent() == null) {
      return;
    }
    List<Discrepancy> transitions = view.getHistory();
    if (transitions.isEmpty()) {
      transitions = List.of(view.getCurrent());
    }
    long[] domain = counts.computeIfAbsent(view.getCurrent().getDomain().name(), d -> newRow());
    for (int i = 0; i < instants.size(); i++) {
      if (openAt(transitions, instants.get(i))) {
        domain[i]++;
      }
    }
  }

  /** Adds another instance's answer (the JSON of {@link #json()}). */
  void add(JsonNode other) {
    other
        .path("domains")
        .properties()
        .forEach(
            entry -> {
              long[] row = counts.computeIfAbsent(entry.getKey(), d -> newRow());
              JsonNode values = entry.getValue();
              if (values.size() != row.length) {
                throw ApiException.unavailable("an instance answered with other sample instants");
              }
              for (int i = 0; i < row.length; i++) {
                row[i] += values.get(i).asLong();
              }
            });
  }

  /** {@code {"instants": [...], "domains": {"POWER": [...]}, "total": [...]}}. */
  ObjectNode json() {
    ObjectNode node = ApiResponse.JSON.createObjectNode();
    ArrayNode at = node.putArray("instants");
    instants.forEach(i -> at.add(i.toString()));
    ObjectNode domains = node.putObject("domains");
    long[] total = newRow();
    counts.forEach(
        (domain, row) -> {
          ArrayNode values = domains.putArray(domain);
          for (int i = 0; i < row.length; i++) {
            values.add(row[i]);
            total[i] += row[i];
          }
        });
    ArrayNode totals = node.putArray("total");
    for (long value : total) {
      totals.add(value);
    }
    return node;
  }

  private long[] newRow() {
    return new long[instants.size()];
  }

  private static boolean openAt(List<Discrepancy> transitions, Instant at) {
    Discrepancy latest = null;
    for (Discrepancy transition : transitions) {
      if (!transition.getChangedAt().isAfter(at)) {
        latest = transition;
      }
    }
    if (latest != null) {
      return latest.getState() != DiscrepancyState.RESOLVED;
    }
    Discrepancy oldest = transitions.get(0);
    return oldest.getState() != DiscrepancyState.OPENED && !oldest.getFirstSeen().isAfter(at);
  }

  private static Instant instant(Map<String, String> params, String name, Instant otherwise) {
    String value = params.get(name);
    if (value == null) {
      return otherwise;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest(
          name + " must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
    }
  }
}
