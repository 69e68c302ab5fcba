package io.plumbline.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.simulator.ExpectedTransition;
import io.plumbline.simulator.GroundTruth;
import io.plumbline.simulator.SiteLayout;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TopicRole;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The oracle: one scalable unit (32 DGX B200 nodes) from the simulator, with one fault of every
 * kind (about half fixed later), through the reconciler on the real broker and registry. The
 * discrepancy topic, read committed, must hold exactly the ground truth's OPENED and RESOLVED
 * transitions (precision and recall 100 %), and every node must end in its expected stage.
 *
 * <p>Phases are produced one after the other, each once the reconciler has caught up with the
 * previous one (committed offsets on every source topic, internal ones included), as days would
 * pass between orders, deliveries and installation in reality. One partition per topic, so that
 * stream time is one clock per sub-topology and telemetry windows close for every feed together.
 */
class SimulatorOracleIT {

  private static final Duration PHASE_TIMEOUT = Duration.ofSeconds(90);
  private static final long SEED = Long.getLong("simulator.seed", 42);

  @Test
  void theDiscrepancyTopicIsExactlyTheGroundTruth() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, bootstrap);
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, SharedComponents.registry().ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-oracle-" + run);
    settings.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-oracle-").toString());
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineTopics topics = config.topics();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(TopicLayout.newTopics(topics, 1, (short) 1))
          .all()
          .get(60, TimeUnit.SECONDS);
    }

    // The scenario spans an hour of simulated time ending in the recent past.
    Instant start = Instant.now().minus(80, ChronoUnit.MINUTES);
    SiteSpec spec = SiteSpec.defaults(start).withStart(start).withFaultRate(0.01).withSeed(SEED);
    SiteSimulator simulator = new SiteSimulator(spec);
    GroundTruth truth = simulator.truth();
    List<String> inputs = TopicRole.reconcilerInputs(topics);

    try (Reconciler reconciler = new Reconciler(config);
        SimulationPublisher publisher =
            new SimulationPublisher(bootstrap, config.registrySettings(), topics);
        StreamsQuiescence quiescence =
            new StreamsQuiescence(bootstrap, config.applicationId(), inputs)) {
      reconciler.start();
      long[] phaseStart = {System.nanoTime()};
      long records =
          publisher.publish(
              simulator,
              (phase, count) -> {
                quiescence.await(PHASE_TIMEOUT);
                long now = System.nanoTime();
                System.out.printf(
                    "oracle: %-12s %5d records, reconciled in %d ms%n",
                    phase, count, (now - phaseStart[0]) / 1_000_000);
                phaseStart[0] = now;
              });
      System.out.printf(
          "oracle: seed %d, %d records, %d faults, %d expected transitions%n",
          SEED, records, simulator.faults().faults().size(), truth.transitions().size());

      List<Discrepancy> discrepancies = drain(config, topics.discrepancies(), Discrepancy.class);
      List<ExpectedTransition> emitted = new ArrayList<>();
      for (Discrepancy d : discrepancies) {
        emitted.add(ExpectedTransition.of(d));
      }
      TruthComparison comparison = TruthComparison.of(truth.transitions(), emitted);
      System.out.print("oracle: " + comparison.report());
      assertThat(comparison.exact()).as(comparison.report()).isTrue();
      assertThat(comparison.precision()).isEqualTo(1.0);
      assertThat(comparison.recall()).isEqualTo(1.0);

      Map<String, ReconciledDevice> inventory = new TreeMap<>();
      for (ReconciledDevice d :
          drain(config, topics.reconciledInventory(), ReconciledDevice.class)) {
        inventory.put(d.getDeviceId(), d);
      }
      SiteLayout layout = simulator.layout();
      Map<String, String> wrongStages = new TreeMap<>();
      for (int node = 0; node < layout.nodes(); node++) {
        ReconciledDevice device = inventory.get(layout.nodeId(node));
        LifecycleStage stage = device == null ? null : device.getStage();
        if (stage != truth.finalStage(node)) {
          wrongStages.put(
              layout.nodeId(node), "expected " + truth.finalStage(node) + ", was " + stage);
        }
      }
      assertThat(wrongStages).as("node stages").isEmpty();
      assertThat(inventory).hasSizeGreaterThanOrEqualTo(layout.nodes());
    }
  }

  /** Every committed value of a topic, up to its end as of now. */
  private static <V extends SpecificRecord> List<V> drain(
      PlumblineConfig config, String topic, Class<V> type) {
    SpecificAvroDeserializer<V> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    Deserializer<String> keys = new StringDeserializer();
    List<V> out = new ArrayList<>();
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
            keys,
            values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end " + ends);
        }
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null && type.isInstance(record.value())) {
            out.add(record.value());
          }
        }
      }
    }
    return out;
  }
}
