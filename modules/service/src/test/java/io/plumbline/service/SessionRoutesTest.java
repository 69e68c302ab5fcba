package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The session routes over real HTTP on loopback with {@code http.auth.reads=true}: the token buys a
 * cookie, the cookie opens read routes (here the OpenAPI document, which needs no store) but never
 * writes.
 */
class SessionRoutesTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;

  @BeforeEach
  void start() {
    server = ApiServer.bind("127.0.0.1", 0);
    BearerToken token = new BearerToken("tok", true);
    ApiRoutes routes =
        new ApiRoutes(
            () -> KafkaStreams.State.RUNNING,
            new Readiness(),
            null,
            null,
            null,
            null,
            token,
            Clock.systemUTC());
    server.serve(routes.router(), token, new SimpleMeterRegistry());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theTokenBuysACookieThatOpensReadsButNotWrites() throws Exception {
    assertThat(send("GET", "/openapi.json", null, null).statusCode()).isEqualTo(401);
    JsonNode before = json(send("GET", "/api/session", null, null));
    assertThat(before.path("readsNeedToken").asBoolean()).isTrue();
    assertThat(before.path("authenticated").asBoolean()).isFalse();

    assertThat(send("POST", "/api/session", null, null).statusCode()).isEqualTo(401);
    assertThat(send("POST", "/api/session", "Bearer wrong", null).statusCode()).isEqualTo(401);
    HttpResponse<String> session = send("POST", "/api/session", "Bearer tok", null);
    assertThat(session.statusCode()).isEqualTo(200);
    String setCookie = session.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly", "SameSite=Strict").doesNotContain("tok;");
    assertThat(session.body()).doesNotContain("\"tok\"");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    assertThat(send("GET", "/openapi.json", null, cookie).statusCode()).isEqualTo(200);
    assertThat(json(send("GET", "/api/session", null, cookie)).path("authenticated").asBoolean())
        .isTrue();
    // Writes still need the bearer token: the cookie is refused before any handler runs.
    assertThat(send("POST", "/api/discrepancies/x/ack", null, cookie).statusCode()).isEqualTo(401);

    HttpResponse<String> ended = send("DELETE", "/api/session", null, cookie);
    assertThat(ended.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
  }

  private HttpResponse<String> send(String method, String path, String authorization, String cookie)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .method(
                method,
                method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{}")
                    : HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return ApiResponse.JSON.readTree(response.body());
  }
}
