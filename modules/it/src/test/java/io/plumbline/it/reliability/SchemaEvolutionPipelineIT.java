package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.app.InputSubjectCompatibility;
import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.it.reliability.SecondVersionProducer.SecondVersion;
import io.plumbline.it.support.CommittedTopic;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.IncompatibleSchemaException;
import io.plumbline.serde.RegisteredSchema;
import io.plumbline.serde.SchemaRegistryClient;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.serde.SubjectCompatibility;
import io.plumbline.simulator.GroundTruth;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TopicRole;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution through the running pipeline: while the reconciler (in this JVM, reading with
 * the generated classes of schemas/ as its reader schemas) works through the simulator's site, a
 * newer producer writes a seeded half of the records of seven inputs (Redfish observations, power
 * and environment readings, receipts, and the tables of PO lines, power feeds and devices) with a
 * v2 of their schema (one optional field added, null default), registered beside v1 under the same
 * subject. Both versions must be read, and the results must not change: the committed discrepancy
 * topic equals the ground truth exactly, every node ends in the ground truth's stage, and nothing
 * is dead-lettered.
 *
 * <p>In the reliability package with the other whole-pipeline proofs of issue 7; the serde-level
 * checks stay in {@code serde/SchemaEvolutionIT}.
 */
class SchemaEvolutionPipelineIT {

  private static final long SEED = Long.getLong("reliability.seed", 42);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
  private static final short ONE = 1;
  private static final Map<TopicRole, SecondVersion> SECOND_VERSIONS =
      Map.of(
          TopicRole.OBSERVED_SYSTEMS,
          SecondVersion.load("/evolution/ObservedSystem-v2.avsc", "rackUnitHeight", 10),
          TopicRole.POWER_READINGS,
          SecondVersion.load("/evolution/PowerReading-v2.avsc", "collectorVersion", "2.1.0"),
          TopicRole.ENVIRONMENT_READINGS,
          SecondVersion.load("/evolution/EnvironmentReading-v2.avsc", "collectorVersion", "2.1.0"),
          TopicRole.RECEIPTS,
          SecondVersion.load("/evolution/Receipt-v2.avsc", "dockDoor", "D-7"),
          // Table inputs, read through the validating deserializers.
          TopicRole.PURCHASE_ORDERS,
          SecondVersion.load("/evolution/PurchaseOrderLine-v2.avsc", "incoterms", "DAP"),
          TopicRole.INTENT_POWER_FEEDS,
          SecondVersion.load("/evolution/IntentPowerFeed-v2.avsc", "breakerModel", "S800U-K63"),
          TopicRole.INTENT_DEVICES,
          SecondVersion.load("/evolution/IntentDevice-v2.avsc", "procurementNote", "expedited"));

  @Test
  void aNewerProducerWritingV2BesideV1ChangesNoResult() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    PlumblineConfig config =
        PlumblineConfig.of(
            ReconcilerSettings.of(
                bootstrap,
                SharedComponents.registry().ccompatUrl(),
                "it-evolution-" + run,
                Files.createTempDirectory("it-evolution-")));
    SharedComponents.kafka().createTopics(TopicLayout.newTopics(config.topics(), 1, ONE));
    // What plumbline topics apply does: v2 must pass the level Plumbline sets on its inputs.
    InputSubjectCompatibility.apply(config);
    Instant start = Instant.now().minus(80, ChronoUnit.MINUTES);
    SiteSimulator simulator =
        new SiteSimulator(
            SiteSpec.defaults(start).withStart(start).withFaultRate(0.01).withSeed(SEED));
    GroundTruth truth = simulator.truth();

    long began = System.nanoTime();
    long records = 0;
    try (Reconciler reconciler = new Reconciler(config);
        SecondVersionProducer input =
            new SecondVersionProducer(
                bootstrap, config.registrySettings(), config.topics(), SECOND_VERSIONS, SEED);
        StreamsQuiescence caughtUp = ReconcilerOutputs.quiescence(config)) {
      reconciler.start();
      for (Scenario.Phase phase : Scenario.Phase.values()) {
        long[] count = {0};
        simulator.play(
            phase,
            event -> {
              input.send(event);
              count[0]++;
            });
        input.flush();
        records += count[0];
        caughtUp.await(STEP_TIMEOUT);
      }
      long elapsed = (System.nanoTime() - began) / 1_000_000;

      TruthComparison againstTruth =
          TruthComparison.of(
              truth.transitions(),
              ReconcilerOutputs.transitions(ReconcilerOutputs.discrepancies(config)));
      Map<String, LifecycleStage> stages = ReconcilerOutputs.stages(config);
      List<ConsumerRecord<String, byte[]>> deadLetters =
          CommittedTopic.read(
              bootstrap,
              config.topics().deadLetters(),
              new ByteArrayDeserializer(),
              Duration.ofSeconds(60));
      StringBuilder versions = new StringBuilder();
      for (TopicRole role : SECOND_VERSIONS.keySet()) {
        versions.append(
            String.format(
                " %s v1 %d v2 %d;", role.role(), input.written(role, 1), input.written(role, 2)));
      }
      System.out.printf(
          "schema evolution: seed %d, %d records;%s %d dead letters; %d ms%n",
          SEED, records, versions, deadLetters.size(), elapsed);
      System.out.print("schema evolution: against the ground truth: " + againstTruth.report());

      for (TopicRole role : SECOND_VERSIONS.keySet()) {
        assertThat(input.written(role, 1)).as(role + " written as v1").isPositive();
        assertThat(input.written(role, 2)).as(role + " written as v2").isPositive();
        assertThat(subjectVersions(role.topic(config.topics()) + "-value"))
            .as("versions of the subject of " + role)
            .containsExactly(1, 2);
      }
      assertThat(deadLetters).as("dead letters").isEmpty();
      assertThat(againstTruth.exact()).as(againstTruth.report()).isTrue();
      assertThat(truth.stagesOff(stages)).as("node stages against the ground truth").isEmpty();
      assertThat(stages).hasSizeGreaterThanOrEqualTo(simulator.layout().nodes());
    }
  }

  @Test
  void anIncompatibleChangeToAnInputSubjectIsRefused() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    PlumblineConfig config =
        PlumblineConfig.of(
            ReconcilerSettings.of(
                SharedComponents.kafka().bootstrapServers(),
                SharedComponents.registry().ccompatUrl(),
                "it-evolution-refused-" + run,
                Files.createTempDirectory("it-evolution-refused-")));
    InputSubjectCompatibility.apply(config);
    AvroSerdeConfig serde = AvroSerdeConfig.parse(config.registrySettings());
    SchemaRegistryClient client = SchemaRegistryClients.createUnshared(serde);
    // v1 as Plumbline's own producers register it: the generated class, through its serializer.
    Map<TopicRole, SpecificRecord> firstVersions =
        Map.of(
            TopicRole.OBSERVED_SYSTEMS,
            ObservedSystem.newBuilder().setBmcId("bmc-1").setObservedAt(Instant.EPOCH).build(),
            TopicRole.POWER_READINGS,
            PowerReading.newBuilder()
                .setFeedId("feed-1")
                .setSourceId("pdu-1")
                .setMeasuredAt(Instant.EPOCH)
                .setTotalPowerWatts(1.0)
                .build());
    SpecificAvroSerializer<SpecificRecord> v1Producer = new SpecificAvroSerializer<>();
    v1Producer.configure(config.registrySettings(), false);
    Map<TopicRole, String> requiredField =
        Map.of(
            TopicRole.OBSERVED_SYSTEMS, "observedAt", TopicRole.POWER_READINGS, "totalPowerWatts");
    Map<TopicRole, String> retypedField =
        Map.of(TopicRole.OBSERVED_SYSTEMS, "bmcId", TopicRole.POWER_READINGS, "feedId");

    for (TopicRole role : firstVersions.keySet()) {
      String subject = role.topic(config.topics()) + "-value";
      assertThat(new SubjectCompatibility(serde).get(subject))
          .as("the level topics apply sets on " + subject)
          .contains(InputSubjectCompatibility.LEVEL);
      Schema v2 = SECOND_VERSIONS.get(role).schema();
      v1Producer.serialize(role.topic(config.topics()), firstVersions.get(role));
      int v2Id = client.register(subject, v2);

      Schema removed = withoutField(v2, requiredField.get(role));
      Schema retyped = withFieldType(v2, retypedField.get(role), Schema.create(Schema.Type.LONG));
      for (Schema breaking : List.of(removed, retyped)) {
        HttpResponse<String> refused = postVersion(subject, breaking);
        assertThat(refused.statusCode()).as(subject + ": " + refused.body()).isEqualTo(409);
        assertThatThrownBy(() -> client.register(subject, breaking))
            .isInstanceOf(IncompatibleSchemaException.class)
            .hasMessageContaining("'" + subject + "'");
      }
      assertThat(subjectVersions(subject)).as(subject).containsExactly(1, 2);
      RegisteredSchema latest =
          SchemaRegistryClients.createUnshared(serde).getLatestVersion(subject);
      assertThat(latest.version()).isEqualTo(2);
      assertThat(latest.id()).isEqualTo(v2Id);

      // Why Plumbline sets its own level: under the registry's BACKWARD (the level the test
      // registry starts with, Confluent's default) the removal is accepted, and every reconciler
      // built before it could no longer read the subject.
      String control = subject + "-backward-control";
      client.register(control, v2);
      assertThat(postVersion(control, removed).statusCode()).isEqualTo(200);
    }
  }

  /** Registers {@code schema} under {@code subject} with a plain HTTP request. */
  private static HttpResponse<String> postVersion(String subject, Schema schema)
      throws IOException, InterruptedException {
    String body = new ObjectMapper().createObjectNode().put("schema", schema.toString()).toString();
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(subjectUrl(subject) + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Schema withoutField(Schema schema, String name) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      if (!field.name().equals(name)) {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static Schema withFieldType(Schema schema, String name, Schema type) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : schema.getFields()) {
      fields.add(
          field.name().equals(name)
              ? new Schema.Field(name, type, field.doc())
              : new Schema.Field(field, field.schema()));
    }
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  private static String subjectUrl(String subject) {
    return SharedComponents.registry().ccompatUrl()
        + "/subjects/"
        + URLEncoder.encode(subject, StandardCharsets.UTF_8);
  }

  /** The subject's version numbers, straight from the registry's REST API. */
  static List<Integer> subjectVersions(String subject) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(subjectUrl(subject) + "/versions"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<Integer> versions = new ArrayList<>();
    for (JsonNode version : new ObjectMapper().readTree(response.body())) {
      versions.add(version.asInt());
    }
    return versions;
  }
}
