package io.plumbline.bench.pipeline;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.SiteLayout;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TopicRole;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import io.plumbline.topology.PlumblineTopics;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The pipeline benchmark ({@code plumbline bench}): on a real broker and registry started for the
 * run, a simulated site's build-out is loaded into the reconciler phase by phase (orders to the
 * Redfish re-crawl) and timed, with the process's memory and state-store size after it; then the
 * site's telemetry (a running site's traffic) goes through the full topology under exactly-once,
 * against a consume-produce pass-through of the same records (plain and exactly-once) as the
 * baseline; then detection latency is measured at a fixed offered load. Prints figures as it goes
 * and a JSON summary as the last line.
 */
public final class PipelineBenchmark {

  /** Nodes whose Redfish inventory the latency probes alternate. */
  private static final int PROBE_NODES = 64;

  private static final List<Scenario.Phase> BUILD_OUT =
      List.of(
          Scenario.Phase.ORDERS,
          Scenario.Phase.DESIGN,
          Scenario.Phase.DELIVERIES,
          Scenario.Phase.SERIALS,
          Scenario.Phase.INSTALLATION,
          Scenario.Phase.RECRAWL);

  private static final List<Scenario.Phase> RUNNING_SITE =
      List.of(Scenario.Phase.TELEMETRY, Scenario.Phase.FIXES, Scenario.Phase.AFTER_FIXES);

  private static final long MIB = 1024 * 1024;

  private final BenchOptions options;
  private final PrintStream out;

  public PipelineBenchmark(BenchOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("plumbline bench: " + e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    int status = 0;
    try {
      BenchSummary summary = new PipelineBenchmark(options, System.out).run();
      System.out.println(summary.toJson());
    } catch (Exception e) {
      System.err.println("plumbline bench: failed: " + e);
      e.printStackTrace(System.err);
      status = 1;
    }
    // The broker's and clients' threads are not all daemons.
    System.exit(status);
  }

  /** Runs every phase; returns the summary (not printed). */
  public BenchSummary run() throws Exception {
    // The scenario and the replays after it stay in the past (brokers refuse future timestamps).
    Instant start = Instant.now().minus(8, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    SiteSpec spec =
        SiteSpec.defaults(start).withStart(start).withScalableUnits(options.scalableUnits());
    SiteSimulator simulator = new SiteSimulator(spec);
    SiteLayout layout = simulator.layout();
    BenchSummary summary = new BenchSummary();
    summary.put("benchmark", "pipeline").put("quick", options.quick());
    summary
        .put("scalable_units", options.scalableUnits())
        .put("nodes", layout.nodes())
        .put("gpus", layout.gpus())
        .put("racks", layout.racks())
        .put("feeds", layout.feeds())
        .put("cables", layout.cables())
        .put("cores", Runtime.getRuntime().availableProcessors())
        .put("max_heap_mib", Runtime.getRuntime().maxMemory() / MIB);
    out.printf(
        "site: %d SUs, %,d nodes, %,d GPUs, %,d racks, %,d feeds, %,d cables, %,d devices"
            + " (%d cores, max heap %,d MiB)%n",
        options.scalableUnits(),
        layout.nodes(),
        layout.gpus(),
        layout.racks(),
        layout.feeds(),
        layout.cables(),
        layout.devices(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / MIB);

    long t0 = System.nanoTime();
    try (EmbeddedKafka kafka = EmbeddedKafka.start();
        ApicurioRegistry registry = ApicurioRegistry.start()) {
      out.printf("broker and registry started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      String bootstrap = kafka.bootstrapServers();
      String run = UUID.randomUUID().toString().substring(0, 8);
      Path stateDir = Files.createTempDirectory("plumbline-bench-");
      Map<String, String> settings = new HashMap<>();
      settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, bootstrap);
      settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
      settings.put(PlumblineConfig.APPLICATION_ID, "bench-" + run);
      settings.put(PlumblineConfig.STATE_DIR, stateDir.toString());
      settings.put(PlumblineConfig.PROCESSING_GUARANTEE, "exactly_once_v2");
      settings.putAll(options.settings());
      if (!options.settings().isEmpty()) {
        out.printf("reconciler settings: %s%n", options.settings());
        summary.put("settings", options.settings().toString());
      }
      PlumblineConfig config = PlumblineConfig.of(settings);
      PlumblineTopics topics = config.topics();
      String passThroughIn = "bench.pass-through.in";
      List<NewTopic> newTopics = new ArrayList<>(TopicLayout.newTopics(topics, 1, (short) 1));
      for (String name :
          List.of(passThroughIn, "bench.pass-through.plain", "bench.pass-through.exactly-once")) {
        newTopics.add(new NewTopic(name, 1, (short) 1));
      }
      kafka.createTopics(newTopics);
      List<String> inputs = TopicRole.reconcilerInputs(topics);

      Reconciler reconciler = new Reconciler(config);
      try (Admin admin = kafka.admin();
          SimulationPublisher publisher =
              new SimulationPublisher(bootstrap, config.registrySettings(), topics);
          StreamsQuiescence quiescence =
              new StreamsQuiescence(bootstrap, config.applicationId(), inputs)) {
        long startup = System.nanoTime();
        reconciler.start();
        // Internal topics created and every input assigned: not part of the build-out's time.
        awaitAssigned(quiescence);
        out.printf(
            "reconciler started and assigned in %.1f s%n", (System.nanoTime() - startup) / 1e9);
        Map<String, SimEvent> probes = buildOut(simulator, publisher, quiescence, summary);
        memory(stateDir, summary);
        reconciler = restore(reconciler, config, stateDir, summary);
        if (options.restoreOnly()) {
          summary.put("restore_only", true);
          return summary.put("total_seconds", (System.nanoTime() - t0) / 1e9);
        }

        BrokerWrites writes = new BrokerWrites(admin);
        long records = throughput(simulator, reconciler, publisher, quiescence, writes, summary);
        passThrough(simulator, bootstrap, config, passThroughIn, records, writes, summary);
        summary.put(
            "topology_to_exactly_once_pass_through_ratio",
            summary.figures().get("topology_exactly_once_records_per_s") instanceof Double t
                    && summary.figures().get("pass_through_exactly_once_records_per_s")
                        instanceof Double p
                ? t / p
                : Double.NaN);
        out.printf(
            "ratio full topology / exactly-once pass-through: %.3f (target >= 0.5)%n",
            summary.figures().get("topology_to_exactly_once_pass_through_ratio"));

        latency(simulator, bootstrap, config, probes, summary);
        memory(stateDir, summary, "final_");
      } finally {
        reconciler.close();
        deleteQuietly(stateDir);
      }
    }
    summary.put("total_seconds", (System.nanoTime() - t0) / 1e9);
    return summary;
  }

  /** Waits until the reconciler's group exists and has every input assigned. */
  private void awaitAssigned(StreamsQuiescence quiescence) throws Exception {
    long deadline = System.nanoTime() + options.phaseTimeout().toNanos();
    while (true) {
      try {
        quiescence.await(options.phaseTimeout());
        return;
      } catch (ExecutionException e) {
        // The group appears with the first member's join.
        if (!(e.getCause() instanceof GroupIdNotFoundException) || System.nanoTime() > deadline) {
          throw e;
        }
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
  }

  /** Loads the build-out phase by phase, each reconciled before the next; returns probe nodes. */
  private Map<String, SimEvent> buildOut(
      SiteSimulator simulator,
      SimulationPublisher publisher,
      StreamsQuiescence quiescence,
      BenchSummary summary)
      throws Exception {
    SiteLayout layout = simulator.layout();
    Map<String, String> probeMacs = new HashMap<>();
    for (int node = 0; node < Math.min(PROBE_NODES, layout.nodes()); node++) {
      probeMacs.put(layout.nodeBmcMac(node), layout.nodeId(node));
    }
    Map<String, SimEvent> probes = new LinkedHashMap<>();
    long total = 0;
    long start = System.nanoTime();
    for (Scenario.Phase phase : BUILD_OUT) {
      long phaseStart = System.nanoTime();
      long[] count = {0};
      simulator.play(
          phase,
          event -> {
            publisher.send(event);
            count[0]++;
            if (event.role() == TopicRole.OBSERVED_SYSTEMS && probeMacs.containsKey(event.key())) {
              probes.put(probeMacs.get(event.key()), event);
            }
          });
      publisher.flush();
      quiescence.await(options.phaseTimeout());
      total += count[0];
      out.printf(
          "build-out %-12s %,9d records, produced and reconciled in %6.1f s%n",
          phase, count[0], (System.nanoTime() - phaseStart) / 1e9);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(
        "build-out: %,d records (intent, orders, receipts, Redfish) loaded and reconciled in"
            + " %.1f s (target for 100,000 GPUs: 60 s)%n",
        total, seconds);
    summary.put("build_out_records", total).put("build_out_seconds", seconds);
    return probes;
  }

  private void memory(Path stateDir, BenchSummary summary) {
    memory(stateDir, summary, "");
  }

  private void memory(Path stateDir, BenchSummary summary, String prefix) {
    long rss = ProcessMemory.residentBytes().orElse(-1);
    long heapBefore = ProcessMemory.usedHeapBytes();
    long liveHeap = ProcessMemory.liveHeapBytes();
    long state = ProcessMemory.directoryBytes(stateDir);
    out.printf(
        "%smemory: RSS %,d MiB (target < 1,536; broker in the same process), heap used %,d MiB,"
            + " live after GC %,d MiB; state stores on disk %,d MiB%n",
        prefix.isEmpty() ? "" : "final ", rss / MIB, heapBefore / MIB, liveHeap / MIB, state / MIB);
    summary
        .put(prefix + "rss_mib", rss / (double) MIB)
        .put(prefix + "heap_used_mib", heapBefore / (double) MIB)
        .put(prefix + "heap_live_mib", liveHeap / (double) MIB)
        .put(prefix + "state_store_mib", state / (double) MIB);
  }

  /**
   * State rebuild: the reconciler is stopped (leaving its group, so the restart is not held up by
   * the old member's session), its local state directory deleted, and a new one started; times from
   * start to RUNNING, which Kafka Streams reaches only once every active store is restored from its
   * changelog. Returns the restarted reconciler, which the later phases use.
   */
  private Reconciler restore(
      Reconciler running, PlumblineConfig config, Path stateDir, BenchSummary summary)
      throws Exception {
    running
        .streams()
        .close(
            CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    deleteQuietly(stateDir);
    Files.createDirectories(stateDir);
    RestoreCounter restored = new RestoreCounter();
    Reconciler restarted = new Reconciler(config, null, restored, null);
    long start = System.nanoTime();
    restarted.start();
    long deadline = start + options.phaseTimeout().toNanos();
    while (restarted.state() != KafkaStreams.State.RUNNING) {
      if (!restarted.state().isRunningOrRebalancing() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the restarted reconciler did not reach RUNNING: " + restarted.state());
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long state = ProcessMemory.directoryBytes(stateDir);
    out.printf(
        "state rebuild: local state deleted, reconciler restarted and RUNNING in %.1f s; %,d"
            + " records restored into %d store partitions in %.1f s (restore listener); state on"
            + " disk %,d MiB%n",
        seconds, restored.records(), restored.ended(), restored.seconds(), state / MIB);
    if (restored.ended() != restored.started()) {
      throw new IllegalStateException(
          "RUNNING with "
              + (restored.started() - restored.ended())
              + " store restorations unfinished");
    }
    summary
        .put("restore_seconds", seconds)
        .put("restored_records", restored.records())
        .put("restored_store_partitions", restored.ended())
        .put("restore_listener_seconds", restored.seconds())
        .put("restored_state_store_mib", state / (double) MIB);
    return restarted;
  }

  /**
   * A running site's traffic (telemetry readings, and fixes where there are faults) queued while
   * the reconciler is paused, then processed: records per second from resume to caught up.
   */
  private long throughput(
      SiteSimulator simulator,
      Reconciler reconciler,
      SimulationPublisher publisher,
      StreamsQuiescence quiescence,
      BrokerWrites writes,
      BenchSummary summary)
      throws Exception {
    reconciler.streams().pause();
    long[] count = {0};
    for (Scenario.Phase phase : RUNNING_SITE) {
      simulator.play(
          phase,
          event -> {
            publisher.send(event);
            count[0]++;
          });
    }
    publisher.flush();
    long writtenBefore = writes.total();
    ThreadCpu streamThreads = ThreadCpu.streamThreads();
    Map<Long, Long> streamCpuBefore = streamThreads.snapshot();
    long processCpuBefore = ThreadCpu.processNanos();
    long start = System.nanoTime();
    reconciler.streams().resume();
    quiescence.await(options.phaseTimeout());
    double seconds = (System.nanoTime() - start) / 1e9;
    double streamCpuMicros = streamThreads.nanosSince(streamCpuBefore) / 1e3 / count[0];
    double processCpuMicros = (ThreadCpu.processNanos() - processCpuBefore) / 1e3 / count[0];
    double amplification = (double) (writes.total() - writtenBefore) / count[0];
    double rate = count[0] / seconds;
    out.printf(
        "full topology, exactly-once: %,d telemetry records in %.2f s = %,.0f records/s;"
            + " broker writes per input record %.1f; CPU per input record: stream thread %.0f µs"
            + " (busy %.0f %% of the phase), whole process %.0f µs%n",
        count[0],
        seconds,
        rate,
        amplification,
        streamCpuMicros,
        100 * streamCpuMicros * count[0] / 1e6 / seconds,
        processCpuMicros);
    summary
        .put("mix_records", count[0])
        .put("topology_stream_thread_cpu_us_per_record", streamCpuMicros)
        .put("topology_stream_thread_busy_ratio", streamCpuMicros * count[0] / 1e6 / seconds)
        .put("topology_process_cpu_us_per_record", processCpuMicros)
        .put("topology_broker_writes_per_record", amplification)
        .put("topology_exactly_once_seconds", seconds)
        .put("topology_exactly_once_records_per_s", rate);
    return count[0];
  }

  /** The same records, byte for byte, copied by a consumer and a producer: plain, exactly-once. */
  private void passThrough(
      SiteSimulator simulator,
      String bootstrap,
      PlumblineConfig config,
      String in,
      long expected,
      BrokerWrites writes,
      BenchSummary summary)
      throws Exception {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(config.registrySettings(), false);
    PlumblineTopics topics = config.topics();
    long[] bytes = {0};
    long[] count = {0};
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (Scenario.Phase phase : RUNNING_SITE) {
        simulator.play(
            phase,
            event -> {
              // Serialized for the topic the topology reads, so the bytes are the same.
              byte[] value = values.serialize(event.role().topic(topics), event.value());
              bytes[0] += value == null ? 0 : value.length;
              count[0]++;
              producer.send(new ProducerRecord<>(in, null, event.timestamp(), event.key(), value));
            });
      }
      producer.flush();
    }
    if (count[0] != expected) {
      throw new IllegalStateException(
          "pass-through input has " + count[0] + " records, the topology had " + expected);
    }
    PassThrough copier = new PassThrough(bootstrap);
    // Each copy runs twice, alternating, and the faster counts: the first is also the JIT's
    // warm-up.
    Duration plain = null;
    Duration exactlyOnce = null;
    double amplification = Double.NaN;
    for (int round = 0; round < 2; round++) {
      String run = UUID.randomUUID().toString().substring(0, 8);
      Duration p = copier.copy(in, "bench.pass-through.plain", false, "bench-plain-" + run);
      long writtenBefore = writes.total();
      Duration e = copier.copy(in, "bench.pass-through.exactly-once", true, "bench-eos-" + run);
      amplification = (double) (writes.total() - writtenBefore) / count[0];
      plain = plain == null || p.compareTo(plain) < 0 ? p : plain;
      exactlyOnce = exactlyOnce == null || e.compareTo(exactlyOnce) < 0 ? e : exactlyOnce;
    }
    double plainRate = count[0] / (plain.toNanos() / 1e9);
    double eosRate = count[0] / (exactlyOnce.toNanos() / 1e9);
    out.printf(
        "pass-through of the same %,d records (%,.0f bytes each on average): plain %,.0f"
            + " records/s, exactly-once %,.0f records/s (broker writes per input record %.2f)%n",
        count[0], (double) bytes[0] / count[0], plainRate, eosRate, amplification);
    summary
        .put("mix_average_value_bytes", (double) bytes[0] / count[0])
        .put("pass_through_plain_records_per_s", plainRate)
        .put("pass_through_exactly_once_records_per_s", eosRate)
        .put("pass_through_exactly_once_to_plain_ratio", eosRate / plainRate)
        .put("pass_through_exactly_once_broker_writes_per_record", amplification);
  }

  private void latency(
      SiteSimulator simulator,
      String bootstrap,
      PlumblineConfig config,
      Map<String, SimEvent> probes,
      BenchSummary summary)
      throws InterruptedException {
    LatencyProbe probe = new LatencyProbe(bootstrap, config.registrySettings(), config.topics());
    // The replay continues right after the running site's telemetry, in simulated time.
    LatencyProbe.Result result =
        probe.run(
            simulator,
            probes,
            Duration.ofMinutes(Scenario.TELEMETRY_MINUTES),
            options.offeredEventsPerSecond(),
            options.probesPerSecond(),
            options.latencyDuration());
    Percentiles ms = result.latenciesMillis();
    out.printf(
        "detection latency at %,d events/s offered (%,.0f achieved) for %d s: %d of %d probes"
            + " detected within %d s of the end, p50 %.0f ms, p99 %.0f ms, max %.0f ms (Infinity:"
            + " not detected; target p99 < 500 ms at 10,000/s)%n",
        options.offeredEventsPerSecond(),
        result.achievedEventsPerSecond(),
        options.latencyDuration().toSeconds(),
        result.probesDetected(),
        result.probesSent(),
        LatencyProbe.DRAIN.toSeconds(),
        ms.at(50),
        ms.at(99),
        ms.max());
    summary
        .put("latency_offered_events_per_s", options.offeredEventsPerSecond())
        .put("latency_achieved_events_per_s", result.achievedEventsPerSecond())
        .put("latency_probes_sent", result.probesSent())
        .put("latency_probes_detected", result.probesDetected())
        .put("latency_p50_ms", ms.at(50))
        .put("latency_p99_ms", ms.at(99))
        .put("latency_max_ms", ms.max());
  }

  private static void deleteQuietly(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A temporary directory; the OS cleans it eventually.
    }
  }
}
