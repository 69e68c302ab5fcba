package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.embedded.KafkaBrokerProcess;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.simulator.GroundTruth;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * through it; {@code -Dreliability.broker.outage.kill=true} uses SIGKILL instead.
 */
class BrokerOutageIT {

  private static final long SEED = Long.getLong("reliability.seed", 42);
  private static final Duration OUTAGE =
      Duration.ofSeconds(Long.getLong("reliability.broker.outage.seconds", 60));
  private static final boolean KILL = Boolean.getBoolean("reliability.broker.outage.kill");
  private static final Scenario.Phase OUTAGE_AFTER = Scenario.Phase.INSTALLATION;
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
  private static final short ONE = 1;

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
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
        admin
            .createTopics(TopicLayout.newTopics(config.topics(), 1, ONE))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
      Instant start = Instant.now().minus(80, ChronoUnit.MINUTES);
      SiteSimulator simulator =
          new SiteSimulator(
              SiteSpec.defaults(start).withStart(start).withFaultRate(0.01).withSeed(SEED));
      GroundTruth truth = simulator.truth();

      ReconcilerProcess reconciler = new ReconcilerProcess(configFile, work);
      long began = System.nanoTime();
      long[] recoveredAfter = {-1, -1};
      try (SimulationPublisher input =
              new SimulationPublisher(bootstrap, config.registrySettings(), config.topics());
          StreamsQuiescence caughtUp = ReconcilerOutputs.quiescence(config)) {
        reconciler.start();
        reconciler.awaitReady(STEP_TIMEOUT);
        long pid = reconciler.pid();
        long records =
            input.publish(
                simulator,
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
                    caughtUp.await(STEP_TIMEOUT);
                    recoveredAfter[1] = (System.nanoTime() - back) / 1_000_000;
                  } else {
                    caughtUp.await(STEP_TIMEOUT);
                  }
                });
        caughtUp.await(STEP_TIMEOUT);
        long elapsed = (System.nanoTime() - began) / 1_000_000;

        List<ConsumerRecord<String, Discrepancy>> discrepancies =
            ReconcilerOutputs.discrepancies(config);
        TruthComparison againstTruth =
            TruthComparison.of(truth.transitions(), ReconcilerOutputs.transitions(discrepancies));
        Map<String, LifecycleStage> stages = ReconcilerOutputs.stages(config);
        System.out.printf(
            "broker outage: seed %d, %d records, broker %s for %d s after %s; reconciler ready"
                + " %d ms and caught up %d ms after the broker returned; %d ms in all%n",
            SEED,
            records,
            KILL ? "killed" : "stopped",
            OUTAGE.toSeconds(),
            OUTAGE_AFTER,
            recoveredAfter[0],
            recoveredAfter[1],
            elapsed);
        System.out.print("broker outage: against the ground truth: " + againstTruth.report());
        assertThat(reconciler.alive()).as("the reconciler is still running").isTrue();
        assertThat(reconciler.pid()).as("the same process throughout").isEqualTo(pid);
        assertThat(reconciler.starts()).as("never restarted").isEqualTo(1);
        assertThat(reconciler.output())
            .as("the outage is ridden out, not fatal")
            .doesNotContain("stream thread failed")
            .doesNotContain("-> ERROR");
        assertThat(againstTruth.exact()).as(againstTruth.report()).isTrue();
        assertThat(ReconcilerOutputs.stagesOffTruth(stages, truth))
            .as("node stages against the ground truth")
            .isEmpty();
        assertThat(stages).hasSizeGreaterThanOrEqualTo(simulator.layout().nodes());
      } finally {
        if (reconciler.alive()) {
          reconciler.stop();
        }
      }
    }
  }
}
