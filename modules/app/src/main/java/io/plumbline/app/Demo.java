package io.plumbline.app;

import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.simulator.GroundTruth;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SiteLayout;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TopicRole;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The self-contained demo: a real KRaft broker and Apicurio registry on loopback, the reconciler,
 * and a simulated scalable unit (32 DGX B200 nodes) with one fault of every kind, about half of
 * them fixed later. Prints every discrepancy transition as it is committed, a summary by type and
 * state as the scenario goes (after each phase and every few seconds while it changes), and at the
 * end how the transitions compare with the simulator's ground truth.
 */
final class Demo implements AutoCloseable {

  private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);
  private static final long SUMMARY_EVERY_SECONDS = 15;

  private final PrintStream out;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final DemoSummary summary = new DemoSummary();

  private final Map<String, String> overrides;

  /** A demo whose settings ({@code --set key=value}, e.g. http.port) override the demo's own. */
  Demo(PrintStream out, Map<String, String> overrides) {
    this.out = out;
    this.overrides = Map.copyOf(overrides);
  }

  /** Runs the scenario; returns once every phase has been reconciled. */
  void run() throws Exception {
    Instant started = Instant.now();
    out.println("Plumbline demo: starting a Kafka broker and a schema registry on loopback...");
    EmbeddedKafka kafka = keep(EmbeddedKafka.start());
    out.println("  Kafka broker     " + kafka.bootstrapServers());
    ApicurioRegistry registry = keep(ApicurioRegistry.start());
    out.println("  Schema registry  " + registry.ccompatUrl());

    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "plumbline-demo");
    settings.put(PlumblineConfig.STATE_DIR, tempDir().toString());
    // The demo's API listens on loopback only; --set http.port=N moves it.
    settings.put(PlumblineConfig.HTTP_HOST, "127.0.0.1");
    settings.putAll(overrides);
    PlumblineConfig config = PlumblineConfig.of(settings);
    // One partition per topic: stream time is then one clock per sub-topology, so deadlines and
    // telemetry windows pass for every device, line and feed of the small site together.
    kafka.createTopics(TopicLayout.newTopics(config.topics(), 1, (short) 1));

    ReconcilerService service = keep(ReconcilerService.start(config));
    out.println("  HTTP API         " + service.uri() + "  (/api/discrepancies, /api/stream,");
    out.println("                   /api/racks/{id}, /metrics, /openapi.json)");
    out.println("  Dashboard        " + service.uri() + "/  (open it in a browser)");
    TransitionPrinter printer = keep(new TransitionPrinter(config, out, summary::record));
    Thread printerThread = new Thread(printer, "demo-transition-printer");
    printerThread.setDaemon(true);
    printerThread.start();
    out.printf(
        "Reconciler started in %.1f s.%n",
        Duration.between(started, Instant.now()).toMillis() / 1000.0);

    // An hour of simulated build-out, played in the recent past (brokers refuse future stamps).
    Instant start = Instant.now().minus(75, ChronoUnit.MINUTES);
    SiteSimulator simulator =
        new SiteSimulator(SiteSpec.defaults(start).withStart(start).withFaultRate(0.01));
    SiteLayout layout = simulator.layout();
    GroundTruth truth = simulator.truth();
    out.printf(
        "Simulated site: %d DGX B200 nodes (%d GPUs) in %d racks on %d A/B feeds, %d switches,"
            + " %d cables; %d faults injected (%d to be fixed).%n",
        layout.nodes(),
        layout.gpus(),
        layout.racks(),
        layout.feeds(),
        layout.switches(),
        layout.cables(),
        simulator.faults().faults().size(),
        simulator.faults().faults().stream().filter(f -> f.fixed()).count());
    out.println("Discrepancy transitions as they are committed:");

    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    keep(ticker::shutdownNow);
    ticker.scheduleAtFixedRate(
        () -> summary.printIfChanged(out, "summary"),
        SUMMARY_EVERY_SECONDS,
        SUMMARY_EVERY_SECONDS,
        TimeUnit.SECONDS);

    List<String> inputs = TopicRole.reconcilerInputs(config.topics());
    try (SimulationPublisher publisher =
            new SimulationPublisher(
                kafka.bootstrapServers(), config.registrySettings(), config.topics());
        StreamsQuiescence quiescence =
            new StreamsQuiescence(kafka.bootstrapServers(), config.applicationId(), inputs)) {
      publisher.publish(
          simulator,
          (phase, records) -> {
            out.printf("-- %s: %s (%,d records) --%n", phase, describe(phase), records);
            quiescence.await(PHASE_TIMEOUT);
          });
    }
    // The printer may still be reading the last transitions.
    summary.awaitAtLeast(truth.transitions().size(), 10_000);
    ticker.shutdownNow();
    summary.print(out, "summary at the end of the scenario");
    TruthComparison comparison = TruthComparison.of(truth.transitions(), summary.transitions());
    out.print("Against the simulator's ground truth: " + comparison.report());
    out.printf(
        "Demo scenario complete after %.1f s.%n",
        Duration.between(started, Instant.now()).toMillis() / 1000.0);
  }

  private static String describe(Scenario.Phase phase) {
    return switch (phase) {
      case ORDERS -> "purchase orders placed";
      case DESIGN -> "the design loaded from NetBox";
      case DELIVERIES -> "deliveries received at the dock";
      case SERIALS -> "NetBox records the received serials";
      case INSTALLATION -> "nodes installed and powered on, BMCs crawled";
      case RECRAWL -> "the crawler's next pass, after the install deadline";
      case TELEMETRY -> "steady load: PDU and CDU telemetry";
      case ROUTINE_CRAWL -> "the crawler's routine pass";
      case FIXES -> "technicians and designers fix about half of the faults";
      case AFTER_FIXES -> "telemetry after the fixes";
    };
  }

  private static Path tempDir() {
    try {
      // Under the working directory rather than the OS temp dir, which may be cleaned under us.
      Path parent = Files.createDirectories(Path.of(".plumbline"));
      return Files.createTempDirectory(parent.toAbsolutePath(), "demo-state-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.push(resource);
    return resource;
  }

  /** Stops everything in reverse order of start. */
  @Override
  public void close() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        out.println("while stopping: " + e);
      }
    }
  }
}
