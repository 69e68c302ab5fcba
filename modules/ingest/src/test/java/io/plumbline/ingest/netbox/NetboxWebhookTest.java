package io.plumbline.ingest.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.RecordingSink;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NetBox event-rule webhooks, signed and unsigned, on 127.0.0.1. */
class NetboxWebhookTest {

  private static final PlumblineTopics TOPICS = PlumblineTopics.defaultTopics();
  private static final byte[] SECRET = "s3cret-shared-with-netbox".getBytes(StandardCharsets.UTF_8);

  private final RecordingSink sink = new RecordingSink();
  private final IngestCounters counters = IngestCounters.inMemory();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final HttpClient http = HttpClient.newHttpClient();
  private ServedNetbox netbox;
  private NetboxWebhook webhook;

  @BeforeEach
  void start() throws Exception {
    netbox = ServedNetbox.synthetic4x();
    IngestContext context =
        new IngestContext(
            sink, TOPICS, counters, new PrintStream(log, true, StandardCharsets.UTF_8), false);
    NetboxSync sync =
        new NetboxSync(
            new NetboxClient(netbox.url(), "t", 50, Duration.ofSeconds(10)),
            SyncState.inMemory(netbox.url()),
            context);
    sync.sync(true);
    webhook =
        new NetboxWebhook(
            new InetSocketAddress("127.0.0.1", 0), new HookSignature(SECRET), sync, context);
  }

  @AfterEach
  void stop() {
    webhook.close();
    netbox.close();
  }

  private HttpResponse<String> post(String body, String signature) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webhook.port() + "/netbox"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header(HookSignature.HEADER, signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String body) {
    return new HookSignature(SECRET).sign(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String event(String event, String model, String data) {
    return "{\"event\": \""
        + event
        + "\", \"timestamp\": \"2026-11-26T10:00:00Z\", \"model\": \""
        + model
        + "\", \"username\": \"designer\", \"request_id\": \"0b4b0c4e\", \"data\": "
        + data
        + ", \"snapshots\": {\"prechange\": null, \"postchange\": null}}";
  }

  private IntentDevice lastDevice(String id) {
    return (IntentDevice)
        sink.on(TOPICS.intentDevices()).stream()
            .filter(s -> s.key().equals(id))
            .reduce((a, b) -> b)
            .orElseThrow()
            .value();
  }

  @Test
  void aSignedUpdateIsPublishedBeforeTheAnswer() throws Exception {
    String device =
        "{\"id\": 1402, \"url\": \"http://198.51.100.7/api/dcim/devices/1402/\","
            + " \"name\": \"r14-node02\", \"device_type\": {\"id\": 9}, \"site\": {\"id\": 3},"
            + " \"rack\": {\"id\": 14}, \"position\": 21.0, \"serial\": \"SN-NEW\","
            + " \"status\": {\"value\": \"active\", \"label\": \"Active\"}, \"custom_fields\": {}}";
    String body = event("updated", "device", device);

    HttpResponse<String> response = post(body, sign(body));

    assertThat(response.statusCode()).isEqualTo(200);
    IntentDevice published = lastDevice("1402");
    assertThat(published.getDeviceTypeId()).isEqualTo("9");
    assertThat(published.getPosition()).isEqualTo(21.0);
    assertThat(published.getSerial()).isEqualTo("SN-NEW");
    assertThat(published.getBmcMac())
        .as("derived from the interfaces the crawl indexed")
        .isEqualTo("00:00:5e:00:53:01");
  }

  @Test
  void aBadOrMissingSignatureIsRefusedAndCounted() throws Exception {
    String body = event("deleted", "device", "{\"id\": 1402}");
    int before = sink.committed.size();
    long rejectedBefore = counters.get(NetboxSync.SOURCE, IngestCounters.Outcome.REJECTED);

    assertThat(post(body, sign(body + " ")).statusCode()).isEqualTo(403);
    assertThat(post(body, null).statusCode()).isEqualTo(403);
    assertThat(post(body, "zz").statusCode()).isEqualTo(403);

    assertThat(sink.committed).hasSize(before);
    assertThat(counters.get(NetboxSync.SOURCE, IngestCounters.Outcome.REJECTED))
        .isEqualTo(rejectedBefore + 3);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("X-Hook-Signature missing or wrong");
  }

  @Test
  void aDeleteIsATombstoneAndAComponentChangeRepublishesItsOwner() throws Exception {
    String delete = event("deleted", "cable", "{\"id\": 7001, \"display\": \"R14-N02-R3\"}");
    assertThat(post(delete, sign(delete).toUpperCase(java.util.Locale.ROOT)).statusCode())
        .isEqualTo(200);
    assertThat(sink.on(TOPICS.intentCables()))
        .last()
        .satisfies(
            s -> {
              assertThat(s.key()).isEqualTo("7001");
              assertThat(s.value()).isNull();
            });

    String iface =
        "{\"id\": 5002, \"device\": {\"id\": 1402, \"name\": \"r14-node02\"}, \"name\": \"BMC\","
            + " \"mgmt_only\": true, \"mac_address\": \"00:00:5E:00:53:99\"}";
    String update = event("updated", "interface", iface);
    assertThat(post(update, sign(update)).statusCode()).isEqualTo(200);
    assertThat(lastDevice("1402").getBmcMac()).isEqualTo("00:00:5e:00:53:99");
    assertThat(lastDevice("1402").getSerial())
        .as("the rest as last listed")
        .isEqualTo("1570924000123");
  }

  @Test
  void aSignedBodyThatIsNotAnEventIsDeadLettered() throws Exception {
    String body = "[1, 2, 3]";
    assertThat(post(body, sign(body)).statusCode()).isEqualTo(400);
    assertThat(sink.deadLetters)
        .anySatisfy(d -> assertThat(d.reason()).startsWith("not a NetBox webhook event"));
    String ignored = event("updated", "tenant", "{\"id\": 1}");
    HttpResponse<String> response = post(ignored, sign(ignored));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("ignored tenant");
  }
}
