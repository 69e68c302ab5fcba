package io.plumbline.app;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.simulator.ExpectedTransition;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the discrepancy transitions the demo has seen, by type and state, and prints them as a
 * table: opened, updated, resolved and open now per type. Thread-safe: the transition printer
 * records, the demo prints.
 */
final class DemoSummary {

  private final Map<DiscrepancyType, int[]> counts = new EnumMap<>(DiscrepancyType.class);
  private final Map<String, DiscrepancyState> latest = new HashMap<>();
  private final Map<String, DiscrepancyType> typeOf = new HashMap<>();
  private final List<ExpectedTransition> transitions = new ArrayList<>();
  private int recorded;
  private int printedAt = -1;

  synchronized void record(Discrepancy d) {
    counts.computeIfAbsent(d.getType(), t -> new int[3])[d.getState().ordinal()]++;
    latest.put(d.getId(), d.getState());
    typeOf.put(d.getId(), d.getType());
    transitions.add(ExpectedTransition.of(d));
    recorded++;
    notifyAll();
  }

  /** Every transition seen, in order. */
  synchronized List<ExpectedTransition> transitions() {
    return List.copyOf(transitions);
  }

  /** Waits until at least {@code count} transitions were seen, or {@code millis} passed. */
  synchronized boolean awaitAtLeast(int count, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (recorded < count) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /** Prints the table if anything changed since it was last printed. */
  synchronized void printIfChanged(PrintStream out, String heading) {
    if (recorded != printedAt) {
      print(out, heading);
    }
  }

  synchronized void print(PrintStream out, String heading) {
    printedAt = recorded;
    Map<DiscrepancyType, Integer> open = new EnumMap<>(DiscrepancyType.class);
    latest.forEach(
        (id, state) -> {
          if (state != DiscrepancyState.RESOLVED) {
            open.merge(typeOf.get(id), 1, Integer::sum);
          }
        });
    out.println("== " + heading + " ==");
    out.printf("  %-32s %7s %8s %9s %9s%n", "type", "opened", "updated", "resolved", "open now");
    int[] total = new int[4];
    for (Map.Entry<DiscrepancyType, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      int openNow = open.getOrDefault(e.getKey(), 0);
      out.printf("  %-32s %7d %8d %9d %9d%n", e.getKey(), c[0], c[1], c[2], openNow);
      for (int i = 0; i < 3; i++) {
        total[i] += c[i];
      }
      total[3] += openNow;
    }
    out.printf("  %-32s %7d %8d %9d %9d%n", "total", total[0], total[1], total[2], total[3]);
  }
}
