package io.plumbline.topology;

import io.plumbline.topology.validation.ValidationPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * What every topology test sets up the same way: a configuration on a private mock registry, the
 * Streams properties, and a driver, all on one fixed clock.
 */
public final class TestTopologies {

  /**
   * The reconciler's clock in the tests: a year after their event times (which start on 2026-11-26
   * and run for weeks), because input validation refuses event times ahead of the clock. Fixed, so
   * no test depends on the day it runs.
   */
  public static final Instant WALL_CLOCK = Instant.parse("2027-11-26T08:00:00Z");

  private TestTopologies() {}

  /** A configuration on a registry of its own, judging event times against {@link #WALL_CLOCK}. */
  public static TopologyConfig config(PlumblineTopics topics, String name) {
    return config(topics, name, WALL_CLOCK);
  }

  /** A configuration on a registry of its own, judging event times against {@code clock}. */
  public static TopologyConfig config(PlumblineTopics topics, String name, Instant clock) {
    return new TopologyConfig(
        topics,
        Map.of("schema.registry.url", "mock://" + name + "-" + UUID.randomUUID()),
        ValidationPolicy.defaults().withClock(Clock.fixed(clock, ZoneOffset.UTC)));
  }

  /** Streams properties for a driver: the application id, a state directory, explicit names. */
  public static Properties streamsProperties(String applicationId, Path stateDir) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    return props;
  }

  /** A driver whose wall clock is {@link #WALL_CLOCK}. */
  public static TopologyTestDriver driver(Topology topology, Properties props) {
    return new TopologyTestDriver(topology, props, WALL_CLOCK);
  }
}
