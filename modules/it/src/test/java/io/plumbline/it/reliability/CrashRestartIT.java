package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.it.support.CommittedTopic;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under SIGKILL. The reconciler runs as its own JVM ({@code plumbline run}) while the
 * simulator's site (one scalable unit, one fault of every kind, about half fixed later) is produced
 * phase by phase; it is killed with SIGKILL at seeded random moments ({@code -Dreliability.kills},
 * 20 by default; {@code -Dreliability.seed}) and restarted each time, keeping its state directory
 * as a restarted pod would, except once mid-run when the whole state directory is deleted (a
 * replaced disk). One run is stalled with SIGSTOP for 8 s, shorter than the transaction timeout,
 * and must carry on without a fatal error.
 *
 * <p>The same good records go, in the same phases, to an undisturbed reconciler in this JVM; the
 * killed one's inputs also carry poison pills at a seeded random rate ({@code
 * -Dreliability.poison.one-in}, 1 in 250 by default): bytes that are not Avro and unknown schema
 * ids. Afterwards the killed reconciler's discrepancy topic, read committed, must hold exactly the
 * undisturbed one's OPENED and RESOLVED transitions, in the same order per discrepancy (no lost,
 * duplicated or phantom transition, no good record lost to a pill), its reconciled inventory the
 * same stage for every device, and its dead-letter topic exactly the injected pills, each once,
 * with the exception in headers; and the killed run must equal the simulator's ground truth
 * exactly, as the undisturbed one does in {@code SimulatorOracleIT}. Finally the state is rebuilt
 * from the changelogs (state directory deleted) and must change nothing; the restore time is
 * printed.
 */
class CrashRestartIT {

  private static final long SEED = Long.getLong("reliability.seed", 42);
  private static final int KILLS = Integer.getInteger("reliability.kills", 20);
  private static final int POISON_ONE_IN = Integer.getInteger("reliability.poison.one-in", 250);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
  // A phase waits for its share of the kills, each a restart of a JVM: with hundreds of kills a
  // phase's share takes longer than one step.
  private static final Duration PER_KILL_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration STALL = Duration.ofSeconds(8);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void killedAtRandomMomentsTheReconcilerLosesAndDuplicatesNothing() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("it-crash-");
    Path stateDir = work.resolve("state");
    String registryUrl = SharedComponents.registry().ccompatUrl();
    Map<String, String> settings =
        ReconcilerSettings.forChildProcess(bootstrap, registryUrl, "it-crash-" + run, stateDir);
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineConfig referenceConfig =
        PlumblineConfig.of(
            ReconcilerSettings.of(
                bootstrap,
                registryUrl,
                "it-crash-reference-" + run,
                work.resolve("reference-state")));
    Path configFile =
        ReconcilerSettings.write(
            settings, work.resolve("plumbline.properties"), "CrashRestartIT " + run);
    SimulatedSiteRun.createTopics(config, referenceConfig);
    SimulatedSiteRun site = SimulatedSiteRun.seeded(SEED);
    SiteSimulator simulator = site.simulator();

    ReconcilerProcess reconciler = new ReconcilerProcess(configFile, work);
    ExecutorService publishing = Executors.newSingleThreadExecutor();
    AtomicInteger kills = new AtomicInteger();
    AtomicInteger phaseInProgress = new AtomicInteger();
    int phases = Scenario.Phase.values().length;
    long began = System.nanoTime();
    try (Reconciler reference = new Reconciler(referenceConfig);
        SimulationPublisher crashedInput =
            new SimulationPublisher(bootstrap, config.registrySettings(), config.topics());
        SimulationPublisher referenceInput =
            new SimulationPublisher(
                bootstrap, referenceConfig.registrySettings(), referenceConfig.topics());
        StreamsQuiescence crashedCaughtUp = ReconcilerOutputs.quiescence(config);
        StreamsQuiescence referenceCaughtUp = ReconcilerOutputs.quiescence(referenceConfig);
        PoisonPills poison =
            new PoisonPills(
                config,
                SEED,
                POISON_ONE_IN,
                EnumSet.of(PoisonKind.NOT_AVRO, PoisonKind.UNKNOWN_SCHEMA_ID))) {
      reference.start();
      reconciler.start();
      // The same records go to the killed reconciler and to an undisturbed one (in this JVM).
      // Each phase follows once its share of the kills has happened and both have committed
      // everything before it, so kills land in every phase.
      Future<Long> published =
          publishing.submit(
              () -> {
                long total = 0;
                for (Scenario.Phase phase : Scenario.Phase.values()) {
                  long[] count = {0};
                  simulator.play(
                      phase,
                      event -> {
                        crashedInput.send(event);
                        referenceInput.send(event);
                        count[0]++;
                        poison.sent(event);
                      });
                  crashedInput.flush();
                  referenceInput.flush();
                  poison.flush();
                  total += count[0];
                  phaseInProgress.set(phase.ordinal());
                  int quota = killsUpTo(phase.ordinal(), phases);
                  int share = quota - killsUpTo(phase.ordinal() - 1, phases);
                  await(
                      () -> kills.get() >= quota,
                      "kill " + quota + " in " + phase,
                      STEP_TIMEOUT.plus(PER_KILL_TIMEOUT.multipliedBy(share)));
                  referenceCaughtUp.await(STEP_TIMEOUT);
                  crashedCaughtUp.await(STEP_TIMEOUT);
                }
                return total;
              });

      Random random = new Random(SEED);
      boolean stalled = false;
      for (int kill = 1; kill <= KILLS && !published.isDone(); kill++) {
        // Kills are paced by the phases: a phase's share of them, then it is left to catch up.
        int next = kill;
        await(
            () -> published.isDone() || killsUpTo(phaseInProgress.get(), phases) >= next,
            "phase for kill " + kill,
            STEP_TIMEOUT.multipliedBy(2)); // the publisher awaits both reconcilers
        if (published.isDone()) {
          break;
        }
        // Half the kills land during start-up (checks, rebalance, restoration), half while the
        // reconciler is processing.
        boolean duringStartup = random.nextBoolean();
        if (!duringStartup) {
          reconciler.awaitReady(STEP_TIMEOUT);
        }
        if (!stalled && !duringStartup && kill >= 2) {
          stall(reconciler);
          stalled = true;
        }
        Duration delay =
            Duration.ofMillis(duringStartup ? 500 + random.nextInt(6_000) : random.nextInt(2_500));
        if (reconciler.exitsWithin(delay)) {
          throw new AssertionError("the reconciler exited by itself:\n" + reconciler.output());
        }
        reconciler.kill();
        kills.incrementAndGet();
        if (kill == KILLS / 2) {
          // A replaced disk: the state, and the process id Kafka Streams keeps in it, are gone.
          deleteRecursively(stateDir);
        }
        reconciler.start();
      }
      long records = published.get(STEP_TIMEOUT.toMillis() * phases, TimeUnit.MILLISECONDS);
      reconciler.awaitReady(STEP_TIMEOUT);
      crashedCaughtUp.await(STEP_TIMEOUT);
      long elapsed = (System.nanoTime() - began) / 1_000_000;

      List<ConsumerRecord<String, Discrepancy>> discrepancies =
          ReconcilerOutputs.discrepancies(config);
      Map<String, List<DiscrepancyState>> histories = ReconcilerOutputs.histories(discrepancies);
      Map<String, List<DiscrepancyState>> referenceHistories =
          ReconcilerOutputs.histories(ReconcilerOutputs.discrepancies(referenceConfig));
      TruthComparison againstReference =
          TruthComparison.of(
              ReconcilerOutputs.transitions(ReconcilerOutputs.discrepancies(referenceConfig)),
              ReconcilerOutputs.transitions(discrepancies));
      TruthComparison againstTruth =
          TruthComparison.of(
              site.truth().transitions(), ReconcilerOutputs.transitions(discrepancies));
      System.out.printf(
          "reliability: seed %d, %d records, %d kills (%d starts), 1 stall of %d s, %d ms%n",
          SEED, records, kills.get(), reconciler.starts(), STALL.toSeconds(), elapsed);
      System.out.print("reliability: against the undisturbed run: " + againstReference.report());
      System.out.print("reliability: against the ground truth: " + againstTruth.report());
      assertThat(kills.get()).isEqualTo(KILLS);
      assertThat(againstReference.exact()).as(againstReference.report()).isTrue();
      assertThat(againstTruth.exact()).as(againstTruth.report()).isTrue();
      assertThat(histories)
          .as("per-discrepancy OPENED/RESOLVED histories")
          .isEqualTo(referenceHistories);
      Map<String, LifecycleStage> stages = ReconcilerOutputs.stages(config);
      assertThat(stages)
          .as("reconciled inventory")
          .isEqualTo(ReconcilerOutputs.stages(referenceConfig));
      assertThat(stages).hasSizeGreaterThanOrEqualTo(simulator.layout().nodes());
      List<ConsumerRecord<String, byte[]>> deadLetters =
          CommittedTopic.read(
              bootstrap, config.topics().deadLetters(), new ByteArrayDeserializer(), READ_TIMEOUT);
      System.out.printf(
          "reliability: %d poison pills injected, %d dead letters%n",
          poison.injected().size(), deadLetters.size());
      assertThat(poison.injected()).isNotEmpty();
      assertThat(deadLetters)
          .as("the dead-letter topic holds exactly the injected records, each once")
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrderElementsOf(poison.injectedKeys());
      assertThat(deadLetters)
          .allSatisfy(
              record ->
                  assertThat(headerNames(record))
                      .as("headers of dead letter %s", record.key())
                      .anySatisfy(name -> assertThat(name).containsIgnoringCase("exception")));

      // State rebuild: a clean restart with the state kept, then one from nothing but changelogs.
      reconciler.stop();
      long warm = timeToReady(reconciler);
      reconciler.stop();
      deleteRecursively(stateDir);
      long cold = timeToReady(reconciler);
      crashedCaughtUp.await(STEP_TIMEOUT);
      System.out.printf(
          "reliability: restart to ready with state kept %d ms; rebuilt from changelogs (%d"
              + " offsets) in %d ms%n",
          warm, changelogOffsets(bootstrap, config.applicationId()), cold);
      List<ConsumerRecord<String, Discrepancy>> afterRebuild =
          ReconcilerOutputs.discrepancies(config);
      assertThat(afterRebuild)
          .as("the rebuild emits nothing")
          .extracting(ConsumerRecord::value)
          .containsExactlyElementsOf(discrepancies.stream().map(ConsumerRecord::value).toList());
      assertThat(ReconcilerOutputs.stages(config)).as("inventory after rebuild").isEqualTo(stages);
    } finally {
      publishing.shutdownNow();
      if (reconciler.alive()) {
        reconciler.kill();
      }
    }
  }

  /** Kills due by the end of phase {@code ordinal}: an even share per phase. */
  private static int killsUpTo(int ordinal, int phases) {
    return (ordinal + 1) * KILLS / phases;
  }

  private static List<String> headerNames(ConsumerRecord<String, byte[]> record) {
    List<String> names = new ArrayList<>();
    record.headers().forEach(header -> names.add(header.key()));
    return names;
  }

  /** SIGSTOP for {@link #STALL}, then SIGCONT: the reconciler must be ready again, not failed. */
  private static void stall(ReconcilerProcess reconciler) throws Exception {
    reconciler.signal("STOP");
    boolean exited = reconciler.exitsWithin(STALL);
    reconciler.signal("CONT");
    assertThat(exited).as("exited while stopped").isFalse();
    reconciler.awaitReady(STEP_TIMEOUT);
    assertThat(reconciler.output())
        .as("a stall shorter than the transaction timeout is not fatal")
        .doesNotContain("stream thread failed")
        .doesNotContain("-> ERROR");
  }

  private static long timeToReady(ReconcilerProcess reconciler) throws Exception {
    long started = System.nanoTime();
    reconciler.start();
    reconciler.awaitReady(STEP_TIMEOUT);
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static void await(BooleanSupplier condition, String what, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Object monitor = new Object();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      synchronized (monitor) {
        monitor.wait(50);
      }
    }
  }

  /** End offsets of the application's changelog topics: what a rebuild from nothing reads. */
  private static long changelogOffsets(String bootstrap, String applicationId) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
      for (String topic : admin.listTopics().names().get()) {
        if (topic.startsWith(applicationId + "-") && topic.endsWith("-changelog")) {
          for (var p :
              admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()) {
            ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
          }
        }
      }
      return admin.listOffsets(ends).all().get().values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
