package io.plumbline.bench.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the pipeline benchmark runs: the size of the simulated site, and the offered load and length
 * of the latency phase.
 *
 * @param scalableUnits scalable units of 32 DGX nodes (391 is a 100,096-GPU site)
 * @param offeredEventsPerSecond telemetry offered during the latency phase
 * @param latencyDuration how long the latency phase offers load
 * @param probesPerSecond discrepancy-causing events per second during the latency phase
 * @param phaseTimeout longest wait for the reconciler to catch up with one phase
 * @param settings Plumbline settings for the reconciler ({@code --set key=value}), for example
 *     {@code streams.commit.interval.ms=200}: to measure a setting's effect in the same conditions
 * @param restoreOnly stop after the state rebuild ({@code --restore-only}): the build-out, memory
 *     and restore figures of a large site without the half hour of throughput and latency phases
 */
public record BenchOptions(
    boolean quick,
    int scalableUnits,
    int offeredEventsPerSecond,
    Duration latencyDuration,
    int probesPerSecond,
    Duration phaseTimeout,
    Map<String, String> settings,
    boolean restoreOnly) {

  public static final String USAGE =
      "usage: plumbline bench [--quick] [--scalable-units N] [--rate EVENTS_PER_S]"
          + " [--latency-seconds S] [--set KEY=VALUE]... [--restore-only]\n"
          + "       plumbline bench serde [--apicurio | REGISTRY_URL]";

  public BenchOptions {
    if (scalableUnits < 1) {
      throw new IllegalArgumentException("--scalable-units must be at least 1");
    }
    if (offeredEventsPerSecond < 1) {
      throw new IllegalArgumentException("--rate must be at least 1 event/s");
    }
    if (latencyDuration.isNegative() || latencyDuration.isZero()) {
      throw new IllegalArgumentException("--latency-seconds must be positive");
    }
    settings = Map.copyOf(settings);
  }

  /** The full run: a 100,000-GPU site, 10,000 events/s for a minute. */
  public static BenchOptions full() {
    return new BenchOptions(
        false, 391, 10_000, Duration.ofSeconds(60), 10, Duration.ofMinutes(30), Map.of(), false);
  }

  /**
   * A few minutes on a small machine: 10 SUs (2,560 GPUs); latency at 500 events/s for 15 s, a load
   * that two busy cores sustain (at 10,000 events/s they queue and the latency only measures the
   * queue).
   */
  public static BenchOptions quickRun() {
    return new BenchOptions(
        true, 10, 500, Duration.ofSeconds(15), 10, Duration.ofMinutes(3), Map.of(), false);
  }

  /** Parses the command line; throws IllegalArgumentException naming a bad option. */
  public static BenchOptions parse(String... args) {
    boolean quick = false;
    for (String arg : args) {
      quick |= arg.equals("--quick");
    }
    BenchOptions options = quick ? quickRun() : full();
    int units = options.scalableUnits;
    int rate = options.offeredEventsPerSecond;
    Duration latency = options.latencyDuration;
    Map<String, String> settings = new TreeMap<>();
    boolean restoreOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--quick" -> {}
        case "--restore-only" -> restoreOnly = true;
        case "--scalable-units" -> units = intValue(args, ++i);
        case "--rate" -> rate = intValue(args, ++i);
        case "--latency-seconds" -> latency = Duration.ofSeconds(intValue(args, ++i));
        case "--set" -> {
          String setting = value(args, ++i);
          int eq = setting.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--set needs KEY=VALUE, got " + setting);
          }
          settings.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new BenchOptions(
        quick,
        units,
        rate,
        latency,
        options.probesPerSecond,
        options.phaseTimeout,
        settings,
        restoreOnly);
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a value");
    }
    return args[index];
  }

  private static int intValue(String[] args, int index) {
    if (index >= args.length) {
      throw new IllegalArgumentException(args[index - 1] + " needs a number");
    }
    try {
      return Integer.parseInt(args[index]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          args[index - 1] + " needs a whole number, got " + args[index], e);
    }
  }
}
