package io.plumbline.it.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.ReconcilerService;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.it.support.SharedComponents;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one application (same application id, own state directories and ports) on the
 * real broker and registry: each answers queries for keys whose partitions the other holds, and
 * lists merge both.
 */
class TwoInstancesIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final int EXTRA_DEVICES = 20;

  @Test
  void eachInstanceAnswersForKeysTheOtherHolds() throws Exception {
    ServiceSetup setup = new ServiceSetup("two", 2);
    Map<String, String> multi =
        Map.of(
            PlumblineConfig.APPLICATION_SERVER,
            "127.0.0.1:0",
            "streams.probing.rebalance.interval.ms",
            "60000");
    PlumblineConfig configA = setup.instance(multi);
    PlumblineConfig configB = setup.instance(multi);
    try (TransitionWatch watch =
            new TransitionWatch(
                SharedComponents.kafka().bootstrapServers(), setup.topics.discrepancies());
        KafkaProducer<String, SpecificRecord> producer = setup.producer(configA);
        ReconcilerService a = ReconcilerService.start(configA);
        ReconcilerService b = ReconcilerService.start(configB)) {
      ApiClient apiA = new ApiClient(a.uri(), setup.token, watch::pace);
      ApiClient apiB = new ApiClient(b.uri(), setup.token, watch::pace);
      apiA.await("/ready", r -> r.status() == 200, TIMEOUT, "instance A ready");
      apiB.await("/ready", r -> r.status() == 200, TIMEOUT, "instance B ready");

      SampleSite site = new SampleSite(setup.topics, producer);
      site.publishDesign();
      site.publishFeeds();
      site.publishFirstObservations();
      site.publishFeedOverload();
      site.publishWarmInlet();
      // More devices, so that both instances hold some of them whatever the partitioning.
      for (String id : extraDeviceIds()) {
        producer.send(
            new ProducerRecord<>(
                setup.topics.intentDevices(),
                id,
                IntentDevice.newBuilder()
                    .setId(id)
                    .setName("r15-node-" + id)
                    .setDeviceTypeId(SampleSite.B200_TYPE)
                    .setSiteId(SampleSite.SITE)
                    .setRackId("15")
                    .build()));
      }
      producer.flush();

      Set<String> allDevices = new HashSet<>(extraDeviceIds());
      IntStream.rangeClosed(1, 4).forEach(n -> allDevices.add(SampleSite.deviceId(n)));
      apiA.await(
          "/health",
          r ->
              union(local(apiA, "devices", "deviceId"), local(apiB, "devices", "deviceId"))
                  .containsAll(allDevices),
          TIMEOUT,
          "every device in one of the two instances' stores");
      for (ApiClient api : List.of(apiA, apiB)) {
        api.await(
            "/api/discrepancies?type=WRONG_SKU",
            r -> r.status() == 200 && r.json().path("count").asInt() == 2,
            TIMEOUT,
            "both WRONG_SKU listed by " + api.uri("/"));
      }

      Set<String> heldByA = held(apiA);
      Set<String> heldByB = held(apiB);
      assertThat(heldByA).as("keys held by A").isNotEmpty();
      assertThat(heldByB).as("keys held by B").isNotEmpty();
      assertThat(heldByA).doesNotContainAnyElementsOf(heldByB);
      assertAnswers(apiA, heldByB);
      assertAnswers(apiB, heldByA);

      for (ApiClient api : List.of(apiA, apiB)) {
        // Every device's cables, wherever its planned links and context live.
        for (String id : allDevices) {
          ApiClient.Answer cables = api.get("/api/devices/" + id + "/cables");
          assertThat(cables.status()).as("cables of %s from %s", id, api.uri("/")).isEqualTo(200);
          assertThat(cables.json().path("deviceId").asText()).isEqualTo(id);
        }
        // A feed's window history by key, a rack's sensors by scanning both instances.
        api.await(
            "/api/feeds/" + SampleSite.FEED_A + "/history",
            r -> r.status() == 200 && r.json().path("count").asInt() >= 2,
            TIMEOUT,
            "feed A's windows from " + api.uri("/"));
        api.await(
            "/api/racks/" + SampleSite.RACK + "/cooling",
            r -> r.status() == 200 && r.json().path("inletCelsius").asDouble() == 29.0,
            TIMEOUT,
            "rack R14's inlet from " + api.uri("/"));
        // The history sums both instances' shares: now, it counts every open discrepancy (both
        // instances hold some, see above), once the stream of new findings settles.
        api.await(
            "/api/history/discrepancies?points=1",
            r ->
                r.status() == 200
                    && r.json().path("total").path(0).asInt()
                        == api.get("/api/discrepancies").json().path("count").asInt(),
            TIMEOUT,
            "the history's latest total equal to the open count from " + api.uri("/"));
      }
    }
  }

  /** The instance answers every key, through its public routes. */
  private static void assertAnswers(ApiClient api, Set<String> keys) {
    for (String key : keys) {
      String[] storeAndId = key.split("/", 2);
      String path =
          storeAndId[0].equals("devices")
              ? "/api/devices/" + storeAndId[1]
              : "/api/discrepancies/" + storeAndId[1];
      ApiClient.Answer answer = api.get(path);
      assertThat(answer.status()).as("%s from %s", path, api.uri("/")).isEqualTo(200);
      String id =
          storeAndId[0].equals("devices")
              ? answer.json().path("deviceId").asText()
              : answer.json().path("id").asText();
      assertThat(id).isEqualTo(storeAndId[1]);
    }
  }

  /** Keys in the instance's own partitions of the devices and discrepancies stores. */
  private static Set<String> held(ApiClient api) {
    Set<String> keys = new HashSet<>();
    local(api, "devices", "deviceId").forEach(id -> keys.add("devices/" + id));
    local(api, "discrepancies", "id").forEach(id -> keys.add("discrepancies/" + id));
    return keys;
  }

  private static Set<String> local(ApiClient api, String store, String idField) {
    ApiClient.Answer answer = api.get("/internal/stores/" + store + "/entries");
    Set<String> ids = new HashSet<>();
    if (answer.status() == 200) {
      answer.json().path("items").forEach(item -> ids.add(item.path(idField).asText()));
    }
    return ids;
  }

  private static Set<String> union(Set<String> left, Set<String> right) {
    Set<String> all = new HashSet<>(left);
    all.addAll(right);
    return all;
  }

  private static List<String> extraDeviceIds() {
    return IntStream.rangeClosed(1, EXTRA_DEVICES)
        .mapToObj(i -> Integer.toString(5000 + i))
        .collect(Collectors.toList());
  }
}
