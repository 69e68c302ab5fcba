package io.plumbline.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.PlumblineTopology;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.validation.InvalidInputHandler;
import io.plumbline.topology.validation.UnreadableInputHandler;
import io.plumbline.topology.validation.ValidationPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The simulator's whole site through the whole topology in a TopologyTestDriver: the discrepancy
 * transitions must be exactly the ground truth's, every node must end in the ground truth's stage,
 * and no input may be dead-lettered.
 *
 * <p>Why beside the oracle on the real broker: the driver flushes every store cache after each
 * record, so every intermediate state of every table and aggregate reaches the checks. On a broker
 * a commit may or may not fall between two updates that belong together (the two sides of a rack,
 * say), so a check that judges a half-updated state opens and resolves a phantom only now and then;
 * here it does so every run.
 */
class SiteThroughTopologyTest {

  private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

  /** The reconciler's clock: after the scenario's hour, so no event time is in its future. */
  private static final Instant CLOCK = START.plus(Duration.ofHours(2));

  @TempDir Path stateDir;

  /** Seeds to play, {@code -Dsimulator.seeds=1,2,3}; 42, the oracle's, by default. */
  static List<Long> seeds() {
    return Arrays.stream(System.getProperty("simulator.seeds", "42").split(","))
        .map(String::strip)
        .map(Long::valueOf)
        .toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyTransitionIsTheGroundTruthsAndNoInputIsRefused(long seed) {
    SiteSimulator simulator =
        new SiteSimulator(
            SiteSpec.defaults(START).withStart(START).withFaultRate(0.01).withSeed(seed));
    PlumblineTopics topics = PlumblineTopics.defaultTopics();
    String registry = "mock://site-through-topology-" + UUID.randomUUID();
    TopologyConfig config =
        new TopologyConfig(
            topics,
            Map.of("schema.registry.url", registry),
            ValidationPolicy.defaults().withClock(Clock.fixed(CLOCK, ZoneOffset.UTC)));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "site-through-topology");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("seed-" + seed).toString());
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, InvalidInputHandler.class);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableInputHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());

    try (TopologyTestDriver driver =
            new TopologyTestDriver(PlumblineTopology.build(config), props, CLOCK);
        SpecificAvroSerializer<SpecificRecord> avro = new SpecificAvroSerializer<>()) {
      avro.configure(Map.of("schema.registry.url", registry), false);
      Map<TopicRole, TestInputTopic<String, SpecificRecord>> inputs =
          new EnumMap<>(TopicRole.class);
      Set<String> read = Set.copyOf(TopicRole.reconcilerInputs(topics));
      simulator.play(
          event -> {
            if (!read.contains(event.role().topic(topics))) {
              return;
            }
            inputs
                .computeIfAbsent(
                    event.role(),
                    role ->
                        driver.createInputTopic(
                            role.topic(topics), Serdes.String().serializer(), avro))
                .pipeInput(event.key(), event.value(), event.timestamp());
          });

      TestOutputTopic<String, Discrepancy> discrepancies =
          driver.createOutputTopic(
              topics.discrepancies(),
              Serdes.String().deserializer(),
              config.serdes().value(Discrepancy.class).deserializer());
      List<ExpectedTransition> emitted = new ArrayList<>();
      for (Discrepancy d : discrepancies.readValuesToList()) {
        emitted.add(ExpectedTransition.of(d));
      }
      TruthComparison comparison = TruthComparison.of(simulator.truth().transitions(), emitted);
      System.out.print("site through the topology, seed " + seed + ": " + comparison.report());

      assertThat(
              driver
                  .createOutputTopic(
                      topics.deadLetters(),
                      Serdes.ByteArray().deserializer(),
                      Serdes.ByteArray().deserializer())
                  .getQueueSize())
          .as("dead letters")
          .isZero();
      assertThat(comparison.exact()).as(comparison.report()).isTrue();

      TestOutputTopic<String, ReconciledDevice> inventory =
          driver.createOutputTopic(
              topics.reconciledInventory(),
              Serdes.String().deserializer(),
              config.serdes().value(ReconciledDevice.class).deserializer());
      Map<String, LifecycleStage> stages = new TreeMap<>();
      for (var device : inventory.readKeyValuesToMap().entrySet()) {
        if (device.getValue() != null) {
          stages.put(device.getKey(), device.getValue().getStage());
        }
      }
      assertThat(stages)
          .as("devices in the inventory")
          .hasSizeGreaterThanOrEqualTo(simulator.layout().nodes());
      assertThat(simulator.truth().stagesOff(stages))
          .as("node stages against the ground truth")
          .isEmpty();
    }
  }
}
