package io.plumbline.app;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.serde.SpecificAvroSerializer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The self-contained demo: a real KRaft broker and Apicurio registry on loopback, the reconciler,
 * and the sample site, printing every discrepancy transition as it is committed.
 */
final class Demo implements AutoCloseable {

  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(2);

  private final PrintStream out;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private final Map<String, String> overrides;

  /** A demo whose settings ({@code --set key=value}, e.g. http.port) override the demo's own. */
  Demo(PrintStream out, Map<String, String> overrides) {
    this.out = out;
    this.overrides = Map.copyOf(overrides);
  }

  /** Runs the scenario; returns once both stories have resolved. */
  void run() throws InterruptedException {
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
    kafka.createTopics(TopicLayout.newTopics(config.topics(), 3, (short) 1));

    ReconcilerService service = keep(ReconcilerService.start(config));
    out.println("  HTTP API         " + service.uri() + "  (/api/discrepancies, /api/stream,");
    out.println("                   /api/racks/" + SampleSite.RACK + ", /metrics, /openapi.json)");
    TransitionPrinter printer = keep(new TransitionPrinter(config, out, this::record));
    Thread printerThread = new Thread(printer, "demo-transition-printer");
    printerThread.setDaemon(true);
    printerThread.start();
    out.printf(
        "Reconciler started in %.1f s. Discrepancy transitions as they are committed:%n",
        Duration.between(started, Instant.now()).toMillis() / 1000.0);

    SampleSite site = new SampleSite(config.topics(), keep(producer(config)));
    site.publishDesign();
    site.publishFeeds();
    site.publishFirstObservations();
    site.publishFeedOverload();
    awaitTransition(DiscrepancyType.WRONG_SKU, SampleSite.deviceId(2), DiscrepancyState.OPENED);
    awaitTransition(DiscrepancyType.WRONG_SKU, SampleSite.deviceId(4), DiscrepancyState.OPENED);
    awaitTransition(
        DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY, SampleSite.FEED_B, DiscrepancyState.OPENED);
    awaitTransition(DiscrepancyType.FEED_OVER_BUDGET, SampleSite.FEED_A, DiscrepancyState.OPENED);

    out.println("-- a technician swaps node 2 for a DGX B200 --");
    site.publishHardwareSwap();
    awaitTransition(DiscrepancyType.WRONG_SKU, SampleSite.deviceId(2), DiscrepancyState.RESOLVED);

    out.println("-- the designer accepts the B200 in node 4's slot and corrects NetBox --");
    site.publishDesignCorrection();
    awaitTransition(DiscrepancyType.WRONG_SKU, SampleSite.deviceId(4), DiscrepancyState.RESOLVED);

    out.println("-- facilities upgrade feed R14-B to 100 A --");
    site.publishFeedUpgrade();
    awaitTransition(
        DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY,
        SampleSite.FEED_B,
        DiscrepancyState.RESOLVED);

    out.println("-- load is shed on feed R14-A --");
    site.publishLoadShed();
    awaitTransition(DiscrepancyType.FEED_OVER_BUDGET, SampleSite.FEED_A, DiscrepancyState.RESOLVED);

    out.println("-- procurement orders the four DGX B200 --");
    site.publishPurchaseOrder();
    awaitTransition(
        DiscrepancyType.UNDER_PROCURED,
        SampleSite.SITE
            + ":"
            + io.plumbline.topology.identity.Identifiers.model(SampleSite.B200_PART),
        DiscrepancyState.RESOLVED);

    out.printf(
        "Demo scenario complete after %.1f s.%n",
        Duration.between(started, Instant.now()).toMillis() / 1000.0);
  }

  private void record(Discrepancy d) {
    seen.add(key(d.getType(), d.getSubject().getId(), d.getState()));
    synchronized (seen) {
      seen.notifyAll();
    }
  }

  private static String key(DiscrepancyType type, String subjectId, DiscrepancyState state) {
    return type + "/" + subjectId + "/" + state;
  }

  private void awaitTransition(DiscrepancyType type, String subjectId, DiscrepancyState state)
      throws InterruptedException {
    long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
    synchronized (seen) {
      while (!seen.contains(key(type, subjectId, state))) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new IllegalStateException(
              "no " + type + " " + state + " for " + subjectId + " within " + STEP_TIMEOUT);
        }
        seen.wait(left);
      }
    }
  }

  private static KafkaProducer<String, SpecificRecord> producer(PlumblineConfig config) {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(config.registrySettings(), false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            config.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        values);
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
