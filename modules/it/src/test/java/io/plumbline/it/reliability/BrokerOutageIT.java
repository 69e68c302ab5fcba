package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.embedded.KafkaBrokerProcess;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.TruthComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for a minute ({@code -Dreliability.broker.outage.seconds}, 60 by default)
 * while the reconciler works through the simulator's site, and comes back on the same port with the
 * same log directory. The reconciler, its own JVM started as an operator starts it ({@code
 * plumbline run}), must ride the outage out by itself: the same process throughout, never in ERROR,
 * ready again once the broker is back, and its committed discrepancy topic must equal the
 * simulator's ground truth exactly, its reconciled inventory the ground truth's stages.
 *
 * <p>The broker is a {@link KafkaBrokerProcess} (a child JVM): the shared in-JVM broker cannot be
 * restarted on the same port. It is stopped with SIGTERM (a controlled shutdown, as for
 * maintenance) right after a phase of the site has been produced, so the reconciler is mid-way
 * through it; {@code -Dreliability.broker.outage.kill=true} uses SIGKILL instead, and {@code
 * -Dreliability.broker.outage.after=DESIGN} picks another phase. Whether the outage catches the
 * reconciler committing or sending decides how it recovers (docs/reliability.md); both must end
 * exact. The report names the stream threads replaced and, on a mismatch, every record about the
 * subjects that differ and the reconciler's log file.
 */
class BrokerOutageIT {

  private static final long SEED = Long.getLong("reliability.seed", 42);
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("reliability.broker.outage.seconds", 60));
  private static final boolean KILL = Boolean.getBoolean("reliability.broker.outage.kill");

  /**
   * The phase after which the broker goes: INSTALLATION by default; DESIGN (the largest) makes it
   * likelier that the outage catches the reconciler sending rather than committing.
   */
  private static final Scenario.Phase OUTAGE_AFTER =
      Scenario.Phase.valueOf(System.getProperty("reliability.broker.outage.after", "INSTALLATION"));

  /** What the reconciler logs when it replaces a stream thread (StreamThreadFailurePolicy). */
  private static final String THREAD_REPLACED = "replacing the stream thread after broker trouble";

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void theReconcilerRidesOutABrokerOutageWithoutARestartAndLosesNothing() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("it-broker-outage-");
    try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(work.resolve("broker"))) {
      String bootstrap = broker.bootstrapServers();
      Map<String, String> settings =
          ReconcilerSettings.forChildProcess(
              bootstrap,
              SharedComponents.registry().ccompatUrl(),
              "it-outage-" + run,
              work.resolve("state"));
      PlumblineConfig config = PlumblineConfig.of(settings);
      Path configFile =
          ReconcilerSettings.write(
              settings, work.resolve("plumbline.properties"), "BrokerOutageIT " + run);
      SimulatedSiteRun.createTopics(config);
      SimulatedSiteRun site = SimulatedSiteRun.seeded(SEED);

      ReconcilerProcess reconciler = new ReconcilerProcess(configFile, work);
      long began = System.nanoTime();
      long[] recoveredAfter = {-1, -1};
      try (SimulatedSiteRun.Feed input = site.into(config, STEP_TIMEOUT)) {
        reconciler.start();
        reconciler.awaitReady(STEP_TIMEOUT);
        long pid = reconciler.pid();
        long records =
            input.all(
                (phase, count) -> {
                  if (phase == OUTAGE_AFTER) {
                    // The phase is produced but not yet reconciled: the broker goes mid-work.
                    if (KILL) {
                      broker.kill();
                    } else {
                      broker.stop();
                    }
                    if (reconciler.exitsWithin(OUTAGE)) {
                      throw new AssertionError(
                          "the reconciler exited during the outage:\n" + reconciler.output());
                    }
                    broker.restart();
                    long back = System.nanoTime();
                    reconciler.awaitReady(STEP_TIMEOUT);
                    recoveredAfter[0] = (System.nanoTime() - back) / 1_000_000;
                    input.awaitCaughtUp();
                    recoveredAfter[1] = (System.nanoTime() - back) / 1_000_000;
                  }
                });
        input.awaitCaughtUp();
        long elapsed = (System.nanoTime() - began) / 1_000_000;

        TruthComparison againstTruth = site.againstTruth(config);
        Map<String, LifecycleStage> stages = ReconcilerOutputs.stages(config);
        System.out.printf(
            "broker outage: seed %d, %d records, broker %s for %d s after %s; reconciler ready"
                + " %d ms and caught up %d ms after the broker returned; %d ms in all; stream"
                + " threads replaced: %d; waited for open transactions on %s%n",
            SEED,
            records,
            KILL ? "killed" : "stopped",
            OUTAGE.toSeconds(),
            OUTAGE_AFTER,
            recoveredAfter[0],
            recoveredAfter[1],
            elapsed,
            reconciler.output().lines().filter(l -> l.contains(THREAD_REPLACED)).count(),
            input.openTransactionsSeen());
        System.out.print("broker outage: against the ground truth: " + againstTruth.report());
        if (!againstTruth.exact()) {
          System.out.print(
              "broker outage: records about the unexpected subjects (reconciler log: "
                  + reconciler.logFile()
                  + "):\n"
                  + ReconcilerOutputs.recordsAbout(
                      ReconcilerOutputs.discrepancies(config), againstTruth.unexpected()));
        }
        assertThat(reconciler.alive()).as("the reconciler is still running").isTrue();
        assertThat(reconciler.pid()).as("the same process throughout").isEqualTo(pid);
        assertThat(reconciler.starts()).as("never restarted").isEqualTo(1);
        assertThat(reconciler.output())
            .as("the outage is ridden out, not fatal")
            .doesNotContain("stream thread failed")
            .doesNotContain("-> ERROR");
        assertThat(againstTruth.exact()).as(againstTruth.report()).isTrue();
        assertThat(site.truth().stagesOff(stages))
            .as("node stages against the ground truth")
            .isEmpty();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(site.simulator().layout().nodes());
      } finally {
        if (reconciler.alive()) {
          reconciler.stop();
        }
      }
    }
  }
}
