package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server's own behaviour over real HTTP on loopback: errors as JSON, the token, timing. */
class ApiServerTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final HttpClient http = HttpClient.newHttpClient();
  private ApiServer server;

  @BeforeEach
  void start() {
    server = ApiServer.bind("127.0.0.1", 0);
    Router router =
        new Router()
            .add(
                "GET",
                "/health",
                Router.Access.OPEN,
                (Router.Handler.Complete) r -> ApiResponse.error(200, "up"))
            .add(
                "GET",
                "/api/things/{id}",
                Router.Access.READ,
                (Router.Handler.Complete)
                    r -> {
                      if (r.param("id").equals("missing")) {
                        throw ApiException.notFound("no thing missing");
                      }
                      if (r.param("id").equals("broken")) {
                        throw new IllegalStateException("boom");
                      }
                      return ApiResponse.error(200, r.param("id") + " " + r.query().get("q"));
                    })
            .add(
                "POST",
                "/api/things/{id}",
                Router.Access.WRITE,
                (Router.Handler.Complete)
                    r ->
                        ApiResponse.error(
                            202, new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)));
    server.serve(router, new BearerToken("tok", false), meters);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void answersRoutesWithParametersAndQueries() throws Exception {
    HttpResponse<String> response = get("/api/things/a%20b?q=x", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).path("error").asText()).isEqualTo("a b x");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void errorsAreJsonWithTheRightStatus() throws Exception {
    assertThat(get("/api/things/missing", null).statusCode()).isEqualTo(404);
    assertThat(json(get("/api/things/missing", null)).path("error").asText())
        .isEqualTo("no thing missing");
    assertThat(get("/nowhere", null).statusCode()).isEqualTo(404);
    HttpResponse<String> broken = get("/api/things/broken", null);
    assertThat(broken.statusCode()).isEqualTo(500);
    assertThat(broken.body()).doesNotContain("boom");
    HttpResponse<String> wrongMethod =
        http.send(
            HttpRequest.newBuilder(uri("/health")).DELETE().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
  }

  @Test
  void mutationsNeedTheToken() throws Exception {
    assertThat(post("/api/things/1", "hello", null).statusCode()).isEqualTo(401);
    assertThat(post("/api/things/1", "hello", "Bearer nope").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = post("/api/things/1", "hello", "Bearer tok");
    assertThat(ok.statusCode()).isEqualTo(202);
    assertThat(json(ok).path("error").asText()).isEqualTo("hello");
  }

  @Test
  void requestsAreTimedByRoutePattern() throws Exception {
    get("/api/things/x", null);
    get("/api/things/y", null);
    assertThat(
            meters
                .get("plumbline.http.requests")
                .tags("route", "/api/things/{id}", "method", "GET", "status", "200")
                .timer()
                .count())
        .isEqualTo(2);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return ApiResponse.JSON.readTree(response.body());
  }
}
