package io.plumbline.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.ReconcilerService;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.topology.PlumblineTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The monitoring kit on real components: a real Prometheus (Debian's {@code prometheus}) scrapes
 * the running Plumbline service's {@code /metrics}, on a real broker and registry, and evaluates
 * {@code ops/prometheus/rules}. A wrong SKU (a CRITICAL discrepancy) reaches the recording rule and
 * puts PlumblineCriticalDiscrepancyOpen in pending; a record that is not Avro reaches the
 * dead-letter counter and PlumblineDeadLettersGrowing. Skipped where Prometheus is not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusScrapeIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  /**
   * The names of ops/prometheus/plumbline-metrics.txt a reconciler exports once it has processed a
   * discrepancy and a dead letter. Not here: feed utilisation (needs power telemetry) and ingest
   * counts (exported by {@code plumbline ingest}).
   */
  private static final Set<String> EXPORTED_BY_THE_SERVICE =
      Set.of(
          "plumbline_discrepancies_open",
          "plumbline_dead_letters_total",
          "plumbline_discrepancy_latency_seconds_bucket",
          "kafka_consumer_fetch_manager_records_lag_max",
          "kafka_stream_client_state",
          "kafka_stream_alive_stream_threads");

  private static PlumblineTopics topics;
  private static PlumblineConfig config;
  private static ReconcilerService service;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void start() throws Exception {
    var binary = ExternalTool.onPath("prometheus");
    assumeTrue(binary.isPresent(), "prometheus is not installed (Debian package prometheus)");

    EmbeddedKafka kafka = SharedComponents.kafka();
    ApicurioRegistry registry = SharedComponents.registry();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-prometheus-" + run);
    settings.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-state-").toString());
    settings.put(PlumblineConfig.HTTP_HOST, "127.0.0.1");
    settings.put(PlumblineConfig.HTTP_PORT, "0");
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    config = PlumblineConfig.of(settings);
    topics = config.topics();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin
          .createTopics(TopicLayout.newTopics(topics, 2, (short) 1))
          .all()
          .get(60, TimeUnit.SECONDS);
    }

    service = ReconcilerService.start(config);
    String target = service.uri().getHost() + ":" + service.uri().getPort();
    Path workDir = Files.createTempDirectory("it-prometheus-");
    prometheus =
        PrometheusServer.start(
            binary.get(), workDir, target, OpsFiles.ofThisCheckout().ruleFiles());
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (service != null) {
      service.close();
    }
  }

  @Test
  @Order(1)
  void scrapesTheServiceAndEvaluatesEveryRule() throws Exception {
    prometheus.awaitApi(
        "the plumbline target up",
        TIMEOUT,
        "/api/v1/targets",
        data -> {
          JsonNode targets = data.path("activeTargets");
          return targets.size() == 1
              && targets.path(0).path("labels").path("job").asText().equals("plumbline")
              && targets.path(0).path("health").asText().equals("up");
        });

    prometheus.awaitApi(
        "every rule evaluated without error",
        TIMEOUT,
        "/api/v1/rules",
        data -> !rules(data).isEmpty() && rules(data).stream().allMatch(r -> evaluatedOk(r)));

    JsonNode groups = prometheus.api("/api/v1/rules").path("groups");
    Set<String> loaded = new TreeSet<>();
    groups.forEach(g -> g.path("rules").forEach(r -> loaded.add(r.path("name").asText())));
    assertThat(loaded)
        .contains(
            "plumbline:discrepancies_open:sum",
            "PlumblineCriticalDiscrepancyOpen",
            "PlumblineInstanceDown",
            "PlumblineDeadLettersGrowing");
    // The target is up, so the instance-down rule evaluates to nothing.
    assertThat(prometheus.query("up{job=\"plumbline\"} == 0")).isEmpty();
  }

  @Test
  @Order(2)
  void aWrongSkuReachesTheRecordingRuleAndItsAlertGoesPending() throws Exception {
    try (KafkaProducer<String, SpecificRecord> producer = avroProducer()) {
      producer.send(record(topics.intentDeviceTypes(), "21", type("21", "DGX B200")));
      producer.send(record(topics.intentDevices(), "1401", device("1401", "21")));
      producer.send(record(topics.observedSystems(), MAC, system("DGX H100")));
      producer.flush();
    }

    prometheus.awaitUntil(
        "one CRITICAL WRONG_SKU in plumbline:discrepancies_open:sum",
        TIMEOUT,
        () ->
            value(
                    prometheus.query(
                        "plumbline:discrepancies_open:sum{type=\"WRONG_SKU\",severity=\"CRITICAL\"}"))
                == 1.0);
    prometheus.awaitApi(
        "PlumblineCriticalDiscrepancyOpen pending or firing for WRONG_SKU",
        TIMEOUT,
        "/api/v1/alerts",
        data -> alert(data, "PlumblineCriticalDiscrepancyOpen", "WRONG_SKU") != null);

    JsonNode alert =
        alert(prometheus.api("/api/v1/alerts"), "PlumblineCriticalDiscrepancyOpen", "WRONG_SKU");
    assertThat(alert.path("state").asText()).isIn("pending", "firing");
    assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
    assertThat(alert.path("labels").path("subject").asText()).isEqualTo("type/WRONG_SKU");
    assertThat(alert.path("annotations").path("runbook_url").asText())
        .isEqualTo("ops/runbooks/WRONG_SKU.md");
  }

  @Test
  @Order(3)
  void aDeadLetterReachesItsCounterAndItsAlert() throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
      producer.send(
          new ProducerRecord<>(
              topics.observedSystems(),
              "not-a-mac".getBytes(StandardCharsets.UTF_8),
              "this is not Avro".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
    }

    prometheus.awaitUntil(
        "a dead letter counted",
        TIMEOUT,
        () -> value(prometheus.query("sum(plumbline_dead_letters_total)")) >= 1.0);
    prometheus.awaitApi(
        "PlumblineDeadLettersGrowing pending or firing",
        TIMEOUT,
        "/api/v1/alerts",
        data -> alerts(data, "PlumblineDeadLettersGrowing").size() > 0);
  }

  @Test
  @Order(4)
  void theServiceExportsTheMetricsTheRulesRead() throws Exception {
    Set<String> contract = OpsMetricNamesTest.contractNames();
    assertThat(contract).containsAll(EXPORTED_BY_THE_SERVICE);
    prometheus.awaitApi(
        "every metric the service exports after a discrepancy and a dead letter",
        TIMEOUT,
        "/api/v1/label/__name__/values",
        names -> {
          Set<String> seen = new TreeSet<>();
          names.forEach(n -> seen.add(n.asText()));
          return seen.containsAll(EXPORTED_BY_THE_SERVICE);
        });
  }

  private static List<JsonNode> rules(JsonNode rulesData) {
    List<JsonNode> rules = new ArrayList<>();
    rulesData.path("groups").forEach(g -> g.path("rules").forEach(rules::add));
    return rules;
  }

  private static boolean evaluatedOk(JsonNode rule) {
    return rule.path("health").asText().equals("ok")
        && !rule.path("lastEvaluation").asText().startsWith("0001-");
  }

  private static List<JsonNode> alerts(JsonNode alertsData, String name) {
    List<JsonNode> found = new ArrayList<>();
    alertsData
        .path("alerts")
        .forEach(
            a -> {
              if (a.path("labels").path("alertname").asText().equals(name)) {
                found.add(a);
              }
            });
    return found;
  }

  private static JsonNode alert(JsonNode alertsData, String name, String type) {
    return alerts(alertsData, name).stream()
        .filter(a -> a.path("labels").path("type").asText().equals(type))
        .findFirst()
        .orElse(null);
  }

  /** The value of a one-sample result vector; NaN when there is none. */
  private static double value(JsonNode vector) {
    if (vector.size() != 1) {
      return Double.NaN;
    }
    return Double.parseDouble(vector.path(0).path("value").path(1).asText());
  }

  private static final String MAC = "3c:ec:ef:14:00:01";

  private static IntentDeviceType type(String id, String model) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPartNumber("965-24387-0002-000")
        .setExpectedGpuCount(8)
        .build();
  }

  private static IntentDevice device(String id, String typeId) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("r14-node-" + id)
        .setDeviceTypeId(typeId)
        .setSiteId("3")
        .setRackId("14")
        .setBmcMac(MAC)
        .build();
  }

  private static ObservedSystem system(String model) {
    List<ObservedGpu> gpus = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      gpus.add(ObservedGpu.newBuilder().setId("GPU_SXM_" + i).setModel("NVIDIA H100").build());
    }
    return ObservedSystem.newBuilder()
        .setBmcId(MAC)
        .setBmcMac(MAC)
        .setObservedAt(Instant.now())
        .setModel(model)
        .setGpus(gpus)
        .build();
  }

  private static ProducerRecord<String, SpecificRecord> record(
      String topic, String key, SpecificRecord value) {
    return new ProducerRecord<>(topic, key, value);
  }

  private static KafkaProducer<String, SpecificRecord> avroProducer() {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(config.registrySettings(), false);
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
        new StringSerializer(),
        values);
  }

  private static KafkaProducer<byte[], byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
