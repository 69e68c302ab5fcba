package io.plumbline.it.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.ReconcilerService;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.it.support.SharedComponents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API on a running reconciler, on the real broker and registry: every route answers with
 * what the sample site produced during the test, the stream delivers a transition as it happens,
 * and an acknowledgement is durable across a restart of the instance on empty local state.
 */
class ServiceIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final String NODE2 = SampleSite.deviceId(2);
  private static final String NODE2_SKU = ServiceSetup.wrongSkuId(NODE2);

  @Test
  void everyRouteAnswersAndAcknowledgementsSurviveARestart() throws Exception {
    ServiceSetup setup = new ServiceSetup("service", 2);
    PlumblineConfig config = setup.instance(Map.of());
    try (TransitionWatch watch =
            new TransitionWatch(
                SharedComponents.kafka().bootstrapServers(), setup.topics.discrepancies());
        KafkaProducer<String, SpecificRecord> producer = setup.producer(config)) {
      try (ReconcilerService service = ReconcilerService.start(config)) {
        ApiClient api = new ApiClient(service.uri(), setup.token, watch::pace);
        assertThat(api.get("/health").status()).isEqualTo(200);
        api.await("/ready", a -> a.status() == 200, TIMEOUT, "readiness");

        try (SseClient stream =
            new SseClient(service.uri().resolve("/api/stream?type=WRONG_SKU"), null)) {
          stream.awaitLine(": connected"::equals, TIMEOUT, "the subscription");
          SampleSite site = new SampleSite(setup.topics, producer);
          producer.send(
              new ProducerRecord<>(
                  setup.topics.intentRacks(),
                  SampleSite.RACK,
                  IntentRack.newBuilder()
                      .setId(SampleSite.RACK)
                      .setName("R14")
                      .setSiteId(SampleSite.SITE)
                      .setPowerBudgetWatts(80_000.0)
                      .setCoolingCapacityWatts(80_000.0)
                      .build()));
          site.publishDesign();
          site.publishFeeds();
          site.publishFirstObservations();
          site.publishFeedOverload();

          String event =
              stream.awaitLine(
                  line -> line.startsWith("data:") && line.contains(NODE2_SKU),
                  TIMEOUT,
                  "WRONG_SKU OPENED for node 2");
          JsonNode transition = ApiClient.JSON.readTree(event.substring("data:".length()));
          assertThat(transition.path("state").asText()).isEqualTo("OPENED");
          assertThat(transition.path("subject").path("rackId").asText()).isEqualTo(SampleSite.RACK);
        }

        JsonNode list =
            api.await(
                    "/api/discrepancies?type=WRONG_SKU",
                    a -> a.status() == 200 && a.json().path("count").asInt() == 2,
                    TIMEOUT,
                    "two WRONG_SKU in the list")
                .json();
        assertThat(list.path("items"))
            .extracting(item -> item.path("subject").path("id").asText())
            .containsExactlyInAnyOrder(NODE2, SampleSite.deviceId(4));
        assertThat(api.get("/api/discrepancies?typo=1").status()).isEqualTo(400);
        assertThat(
                api.get("/api/discrepancies?severity=INFO&type=WRONG_SKU")
                    .json()
                    .path("count")
                    .asInt())
            .isZero();

        JsonNode one = api.get("/api/discrepancies/" + NODE2_SKU).json();
        assertThat(one.path("state").asText()).isEqualTo("OPENED");
        assertThat(one.path("history")).hasSize(1);
        assertThat(one.path("acknowledged").asBoolean()).isFalse();
        assertThat(api.get("/api/discrepancies/NO_SUCH:DEVICE:1").status()).isEqualTo(404);

        JsonNode device =
            api.await("/api/devices/" + NODE2, a -> a.status() == 200, TIMEOUT, "device 1402")
                .json();
        assertThat(device.path("name").asText()).isEqualTo(SampleSite.deviceName(2));
        String serial = device.path("serial").asText();
        assertThat(serial).isNotBlank();
        assertThat(api.get("/api/devices/" + serial.trim()).json().path("deviceId").asText())
            .isEqualTo(NODE2);
        assertThat(api.get("/api/devices/no-such-device").status()).isEqualTo(404);

        JsonNode feed =
            api.await(
                    "/api/feeds/" + SampleSite.FEED_A,
                    a -> a.status() == 200 && a.json().path("load").isObject(),
                    TIMEOUT,
                    "feed A with a closed window")
                .json();
        assertThat(feed.path("usableWatts").asLong()).isBetween(34_400L, 34_600L);
        assertThat(feed.path("utilisation").asDouble()).isGreaterThan(0.8);

        JsonNode rack =
            api.await(
                    "/api/racks/" + SampleSite.RACK,
                    a -> a.status() == 200 && a.json().path("devices").size() == 4,
                    TIMEOUT,
                    "rack 14 with its four devices")
                .json();
        assertThat(rack.path("inDesign").asBoolean()).isTrue();
        assertThat(rack.path("name").asText()).isEqualTo("R14");
        assertThat(rack.path("feeds")).hasSize(2);
        assertThat(rack.path("openDiscrepancies"))
            .extracting(d -> d.path("id").asText())
            .contains(NODE2_SKU);

        String metrics =
            api.await(
                    "/metrics",
                    a -> a.body().contains("plumbline_feed_utilisation{"),
                    TIMEOUT,
                    "feed utilisation gauge")
                .body();
        assertThat(metrics)
            .contains(
                "plumbline_discrepancies_open{acknowledged=\"false\",severity=\"CRITICAL\",type=\"WRONG_SKU\"} 2.0")
            .contains("plumbline_discrepancy_latency_seconds_count")
            .contains("kafka_stream_")
            .contains("plumbline_http_requests_seconds_count")
            .contains("plumbline_ready 1.0");
        assertThat(api.get("/openapi.json").json().path("paths").has("/api/stream")).isTrue();

        String ack = "{\"by\": \"dc2-buildout\", \"reason\": \"CHG-1 swap booked\"}";
        String ackPath = "/api/discrepancies/" + NODE2_SKU + "/ack";
        assertThat(api.post(ackPath, ack, false).status()).isEqualTo(401);
        assertThat(api.post(ackPath, "{\"by\": \"x\"}", true).status()).isEqualTo(400);
        ApiClient.Answer accepted = api.post(ackPath, ack, true);
        assertThat(accepted.status()).isEqualTo(202);
        api.await(
            "/api/discrepancies/" + NODE2_SKU,
            a -> a.json().path("acknowledged").asBoolean(),
            TIMEOUT,
            "the acknowledgement in the query");
        assertThat(acknowledgedIds(api, true)).containsExactly(NODE2_SKU);
        assertThat(acknowledgedIds(api, false))
            .containsExactly(ServiceSetup.wrongSkuId(SampleSite.deviceId(4)));
      }

      // A new instance on empty local state rebuilds everything from Kafka, acknowledgement
      // included.
      PlumblineConfig restarted = setup.instance(Map.of());
      try (ReconcilerService service = ReconcilerService.start(restarted)) {
        ApiClient api = new ApiClient(service.uri(), setup.token, watch::pace);
        JsonNode after =
            api.await(
                    "/api/discrepancies/" + NODE2_SKU,
                    a -> a.status() == 200 && a.json().path("acknowledged").asBoolean(),
                    TIMEOUT,
                    "the acknowledgement after a restart")
                .json();
        assertThat(after.path("acknowledgement").path("by").asText()).isEqualTo("dc2-buildout");
        assertThat(after.path("acknowledgement").path("reason").asText())
            .isEqualTo("CHG-1 swap booked");
      }
    }
  }

  private static List<String> acknowledgedIds(ApiClient api, boolean acknowledged) {
    List<String> ids = new ArrayList<>();
    api.get("/api/discrepancies?type=WRONG_SKU&acknowledged=" + acknowledged)
        .json()
        .path("items")
        .forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }
}
