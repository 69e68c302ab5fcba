package io.plumbline.it.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A small client for one instance's HTTP API, with waits on a condition and a deadline (the API
 * answers 503 while Kafka Streams starts or rebalances; a wait keeps asking until the deadline).
 * Between two asks it blocks on {@code pace}: a poll of the discrepancy topic, which returns as
 * soon as a transition is committed, what the queries wait for.
 */
final class ApiClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status and body. */
  record Answer(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String token;
  private final Runnable pace;

  ApiClient(URI base, String token, Runnable pace) {
    this.base = base;
    this.token = token;
    this.pace = pace;
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), true);
  }

  Answer post(String path, String json, boolean withToken) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        withToken);
  }

  /** Asks until the answer satisfies the condition, or fails at the deadline with the last one. */
  Answer await(String path, Predicate<Answer> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Answer last = null;
    while (System.nanoTime() < deadline) {
      last = get(path);
      if (condition.test(last)) {
        return last;
      }
      pace.run();
    }
    throw new AssertionError(
        "timed out after " + timeout + " waiting for " + what + "; last: " + last);
  }

  private Answer send(HttpRequest.Builder request, boolean withToken) {
    if (withToken && token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError("request to " + base + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
