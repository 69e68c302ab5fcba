package io.plumbline.it.reliability;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.TopicLayout;
import io.plumbline.simulator.GroundTruth;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

/**
 * One simulated site run through a reconciler under test, the set-up the reliability tests share:
 * the seeded site and its ground truth, the topics of a reconciler's configuration, producing the
 * site phase by phase with the reconciler caught up after each phase (as days would pass between
 * them in a real build-out), and the comparison of what the reconciler committed with the ground
 * truth.
 */
final class SimulatedSiteRun {

  private static final short ONE = 1;

  private final SiteSimulator simulator;
  private final GroundTruth truth;

  private SimulatedSiteRun(SiteSpec spec) {
    this.simulator = new SiteSimulator(spec);
    this.truth = simulator.truth();
  }

  /**
   * The site the reliability tests share: one scalable unit, one fault of every kind (rate 0.01),
   * seeded, played in the recent past (80 minutes ago: the scenario's hour ends before the broker's
   * clock, which refuses record timestamps more than an hour ahead).
   */
  static SimulatedSiteRun seeded(long seed) {
    return of(recentSite().withFaultRate(0.01).withSeed(seed));
  }

  static SimulatedSiteRun of(SiteSpec spec) {
    return new SimulatedSiteRun(spec);
  }

  /** The defaults of {@link SiteSpec}, starting 80 minutes ago. */
  static SiteSpec recentSite() {
    Instant start = Instant.now().minus(80, ChronoUnit.MINUTES);
    return SiteSpec.defaults(start).withStart(start);
  }

  SiteSimulator simulator() {
    return simulator;
  }

  GroundTruth truth() {
    return truth;
  }

  /** Creates every topic of {@code configs} (one partition, replication factor 1). */
  static void createTopics(PlumblineConfig... configs) throws Exception {
    List<NewTopic> topics =
        Arrays.stream(configs)
            .flatMap(config -> TopicLayout.newTopics(config.topics(), 1, ONE).stream())
            .toList();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, configs[0].bootstrapServers()))) {
      admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
    }
  }

  /**
   * Opens a feed of this site into the inputs of the reconciler of {@code config}; {@code timeout}
   * bounds each wait for the reconciler to catch up.
   */
  Feed into(PlumblineConfig config, Duration timeout) {
    return new Feed(config, timeout, Tap.NONE);
  }

  /** As {@link #into(PlumblineConfig, Duration)}, showing every record sent to {@code tap}. */
  Feed into(PlumblineConfig config, Duration timeout, Tap tap) {
    return new Feed(config, timeout, tap);
  }

  /** The reconciler's committed OPENED and RESOLVED transitions against the ground truth. */
  TruthComparison againstTruth(PlumblineConfig config) {
    return TruthComparison.of(
        truth.transitions(),
        ReconcilerOutputs.transitions(ReconcilerOutputs.discrepancies(config)));
  }

  /** Nodes whose reconciled stage differs from the ground truth's final stage, with both. */
  Map<String, String> stagesOffTruth(PlumblineConfig config) {
    return truth.stagesOff(ReconcilerOutputs.stages(config));
  }

  /** Sees every good record right after it is sent, and is flushed with the feed. */
  interface Tap {
    Tap NONE =
        new Tap() {
          @Override
          public void sent(SimEvent event) {}

          @Override
          public void flush() {}
        };

    void sent(SimEvent event);

    void flush();
  }

  /** Called after a phase has been produced and flushed, before the reconciler has caught up. */
  @FunctionalInterface
  interface PhaseProduced {
    void after(Scenario.Phase phase, long records) throws Exception;
  }

  /** The site's records going to one reconciler's inputs, and the wait for it to catch up. */
  final class Feed implements AutoCloseable {

    private final SimulationPublisher publisher;
    private final StreamsQuiescence caughtUp;
    private final Duration timeout;
    private final Tap tap;
    private long records;

    private Feed(PlumblineConfig config, Duration timeout, Tap tap) {
      this.publisher =
          new SimulationPublisher(
              config.bootstrapServers(), config.registrySettings(), config.topics());
      this.caughtUp = ReconcilerOutputs.quiescence(config);
      this.timeout = timeout;
      this.tap = tap;
    }

    /** Produces one phase and flushes it, without waiting; returns its number of records. */
    long produce(Scenario.Phase phase) {
      long[] count = {0};
      simulator.play(
          phase,
          event -> {
            publisher.send(event);
            tap.sent(event);
            count[0]++;
          });
      publisher.flush();
      tap.flush();
      records += count[0];
      return count[0];
    }

    /** Produces one phase and waits until the reconciler has committed all of it. */
    long phase(Scenario.Phase phase) throws Exception {
      long count = produce(phase);
      awaitCaughtUp();
      return count;
    }

    /**
     * Produces every phase in order: each is produced, handed to {@code produced}, and then
     * reconciled in full before the next. Returns the number of records.
     */
    long all(PhaseProduced produced) throws Exception {
      long before = records;
      for (Scenario.Phase phase : Scenario.Phase.values()) {
        long count = produce(phase);
        produced.after(phase, count);
        awaitCaughtUp();
      }
      return records - before;
    }

    /** Waits until the reconciler has committed every input record written so far. */
    void awaitCaughtUp() throws Exception {
      caughtUp.await(timeout);
    }

    /** Partitions on which a wait to catch up found a transaction still open, so far. */
    Set<TopicPartition> openTransactionsSeen() {
      return caughtUp.openTransactionsSeen();
    }

    /** Good records produced so far. */
    long records() {
      return records;
    }

    @Override
    public void close() {
      publisher.close();
      caughtUp.close();
    }
  }
}
