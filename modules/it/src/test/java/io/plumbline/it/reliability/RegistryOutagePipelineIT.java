package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.TruthComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The schema registry goes away while the reconciler ({@code plumbline run}, its own JVM) works
 * through the simulator's site, and comes back. The registry is the real Apicurio with its schemas
 * in an H2 database file, so that, restarted on the same port, it is the same registry (same
 * schemas, same ids), as a production registry with a database is; its default in-memory storage
 * would come back empty and issue the same ids to other schemas.
 *
 * <p>While it is down, whole phases of the site are produced and reconciled with the schemas the
 * producers and the reconciler already hold in their caches; meanwhile a producer that needs a
 * schema never registered before (a new subject) keeps retrying, and succeeds once the registry is
 * back. Afterwards the discrepancy topic must equal the simulator's ground truth exactly, the
 * inventory its stages, and the reconciler must be the same process, never in ERROR.
 */
class RegistryOutagePipelineIT {

  private static final long SEED = Long.getLong("reliability.seed", 42);
  private static final Set<Scenario.Phase> DURING_OUTAGE =
      EnumSet.of(Scenario.Phase.ROUTINE_CRAWL, Scenario.Phase.FIXES);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void cachedSchemasCarryThePipelineThroughARegistryOutageAndNewOnesAreRetried() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("it-registry-outage-");
    Path storage = work.resolve("registry");
    ApicurioRegistry[] registry = {ApicurioRegistry.startPersistent(storage, 0)};
    int port = registry[0].port();
    ReconcilerProcess reconciler = null;
    try {
      Map<String, String> settings =
          ReconcilerSettings.forChildProcess(
              bootstrap,
              registry[0].ccompatUrl(),
              "it-registry-outage-" + run,
              work.resolve("state"));
      PlumblineConfig config = PlumblineConfig.of(settings);
      SimulatedSiteRun.createTopics(config);
      reconciler =
          new ReconcilerProcess(
              ReconcilerSettings.write(
                  settings, work.resolve("plumbline.properties"), "RegistryOutagePipelineIT"),
              work);
      SimulatedSiteRun site = SimulatedSiteRun.seeded(SEED);
      List<SimEvent> firstOrders = new ArrayList<>();
      site.simulator()
          .play(
              Scenario.Phase.ORDERS,
              event -> {
                if (firstOrders.isEmpty()) {
                  firstOrders.add(event);
                }
              });
      // Retries long enough to outlast the registry's restart on a loaded machine.
      Map<String, Object> patientSerde = new HashMap<>(config.registrySettings());
      patientSerde.put(AvroSerdeConfig.RETRIES, 12);
      patientSerde.put(AvroSerdeConfig.RETRY_BACKOFF_MS, 1_000);

      ReconcilerProcess reconciling = reconciler;
      long[] recordsDuringOutage = {0};
      long[] newSchemaRegisteredAfter = {-1};
      try (SimulatedSiteRun.Feed input = site.into(config, STEP_TIMEOUT)) {
        reconciling.start();
        reconciling.awaitReady(STEP_TIMEOUT);
        long pid = reconciling.pid();
        long records =
            input.all(
                (phase, count) -> {
                  input.awaitCaughtUp();
                  if (phase.ordinal() + 1 == Scenario.Phase.ROUTINE_CRAWL.ordinal()) {
                    registry[0].close();
                    assertThat(registry[0].isAlive()).isFalse();
                  } else if (DURING_OUTAGE.contains(phase)) {
                    recordsDuringOutage[0] += count;
                    if (phase == Scenario.Phase.FIXES) {
                      newSchemaRegisteredAfter[0] =
                          registerNewSchemaAcrossTheRestart(
                              patientSerde, firstOrders.get(0).value(), registry, storage, port);
                    }
                  }
                });
        input.awaitCaughtUp();

        TruthComparison againstTruth = site.againstTruth(config);
        System.out.printf(
            "registry outage: seed %d, %d records, %d of them produced and reconciled while the"
                + " registry was down; a new schema registered %d ms after the registry was"
                + " restarted (retried meanwhile)%n",
            SEED, records, recordsDuringOutage[0], newSchemaRegisteredAfter[0]);
        System.out.print("registry outage: against the ground truth: " + againstTruth.report());
        assertThat(recordsDuringOutage[0]).isPositive();
        assertThat(reconciling.alive()).as("the reconciler is still running").isTrue();
        assertThat(reconciling.pid()).as("the same process throughout").isEqualTo(pid);
        assertThat(reconciling.output())
            .as("the outage is ridden out, not fatal")
            .doesNotContain("stream thread failed")
            .doesNotContain("-> ERROR");
        assertThat(againstTruth.exact()).as(againstTruth.report()).isTrue();
        assertThat(site.stagesOffTruth(config))
            .as("node stages against the ground truth")
            .isEmpty();
      }
    } finally {
      if (reconciler != null && reconciler.alive()) {
        reconciler.stop();
      }
      registry[0].close();
    }
  }

  /**
   * Serializes a record for a subject the registry has never seen while the registry is down, then
   * restarts the registry on the same port and storage: the serializer's retries must carry the
   * registration across. Returns the time from the registry answering again to the registration.
   */
  private static long registerNewSchemaAcrossTheRestart(
      Map<String, Object> serdeSettings,
      SpecificRecord value,
      ApicurioRegistry[] registry,
      Path storage,
      int port)
      throws Exception {
    SpecificAvroSerializer<SpecificRecord> serializer = new SpecificAvroSerializer<>();
    serializer.configure(serdeSettings, false);
    String newTopic = "it-registry-outage-new-" + UUID.randomUUID();
    CompletableFuture<byte[]> registered =
        CompletableFuture.supplyAsync(() -> serializer.serialize(newTopic, value));
    // The registry takes seconds to start: every attempt until then fails and must be retried.
    registry[0] = ApicurioRegistry.startPersistent(storage, port);
    long back = System.nanoTime();
    byte[] bytes = registered.get(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(bytes).isNotEmpty();
    return (System.nanoTime() - back) / 1_000_000;
  }
}
