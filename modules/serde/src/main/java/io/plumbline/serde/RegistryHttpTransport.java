package io.plumbline.serde;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.InterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends registry requests over HTTP: fails over between the configured URLs, retries with
 * exponential backoff, adds credentials, and turns 401/403 into {@link
 * RegistryAuthenticationException} at once. What an answer means is up to the caller.
 */
final class RegistryHttpTransport {

  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9,"
          + " application/json; qs=0.5";
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpTransport.class);

  private final RegistryConnection connection;
  private final HttpClient http;
  // The endpoint that answered last is tried first, so a dead first URL costs one failure only.
  private volatile int preferred;

  RegistryHttpTransport(RegistryConnection connection) {
    this.connection = connection;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // Registries speak HTTP/1.1; an h2c upgrade attempt only adds a round trip.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connection.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    connection.trustStore().map(TrustStoreSslContext::create).ifPresent(builder::sslContext);
    this.http = builder.build();
  }

  /** The registry URLs, without credentials, for messages. */
  String displayUrls() {
    return connection.displayUrls();
  }

  /**
   * Sends one request and returns the first answer that is neither a connection failure nor a
   * transient error (HTTP 5xx, 429).
   *
   * @param path the path below the base URL, starting with '/', query included
   * @param jsonBody the request body for POST and PUT
   * @throws RegistryAuthenticationException on HTTP 401 or 403, without retrying
   * @throws RegistryUnavailableException when every attempt on every URL failed
   */
  RegistryResponse send(String method, String path, Optional<String> jsonBody) {
    List<RegistryConnection.Endpoint> endpoints = connection.endpoints();
    int attempts = connection.retries() + 1;
    Exception lastError = null;
    String lastProblem = "";
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        backOff(attempt - 1, lastProblem);
      }
      int first = preferred;
      for (int i = 0; i < endpoints.size(); i++) {
        int index = (first + i) % endpoints.size();
        RegistryConnection.Endpoint endpoint = endpoints.get(index);
        HttpResponse<String> response;
        try {
          response =
              http.send(
                  request(endpoint, method, path, jsonBody), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
          lastError = e;
          lastProblem = describe(e) + " from " + endpoint.displayUrl();
          LOG.debug("Registry request {} {} failed: {}", method, path, lastProblem);
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptException(e);
        }
        RegistryResponse answer =
            new RegistryResponse(response.statusCode(), response.body(), endpoint.displayUrl());
        int status = answer.status();
        if (status == 401 || status == 403) {
          throw new RegistryAuthenticationException(
              endpoint.displayUrl(), status, answer.errorMessage());
        }
        if (status >= 500 || status == 429) {
          lastError = null;
          lastProblem =
              "HTTP " + status + " (" + answer.errorMessage() + ") from " + endpoint.displayUrl();
          LOG.debug("Registry request {} {} failed: {}", method, path, lastProblem);
          continue;
        }
        preferred = index;
        return answer;
      }
    }
    throw new RegistryUnavailableException(
        String.format(
            "Schema registry unreachable at %s: %s %s failed %d time(s) (retries=%d, backoff from"
                + " %d ms); last error: %s",
            connection.displayUrls(),
            method,
            path,
            attempts,
            connection.retries(),
            connection.retryBackoff().toMillis(),
            lastProblem),
        lastError);
  }

  private HttpRequest request(
      RegistryConnection.Endpoint endpoint, String method, String path, Optional<String> body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(endpoint.baseUri() + path))
            .timeout(connection.requestTimeout())
            .header("Accept", ACCEPT)
            .method(
                method,
                body.map(HttpRequest.BodyPublishers::ofString)
                    .orElseGet(HttpRequest.BodyPublishers::noBody));
    body.ifPresent(b -> builder.header("Content-Type", CONTENT_TYPE));
    endpoint.authorization().ifPresent(a -> builder.header("Authorization", a));
    return builder.build();
  }

  private void backOff(int retry, String lastProblem) {
    long base = connection.retryBackoff().toMillis();
    long millis = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(retry - 1, 20));
    LOG.warn(
        "Schema registry at {} failed ({}); retry {} of {} in {} ms",
        connection.displayUrls(),
        lastProblem,
        retry,
        connection.retries(),
        millis);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null && e instanceof java.net.ConnectException) {
      // The JDK client leaves the message empty when the port refuses the connection.
      return "could not connect (ConnectException)";
    }
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
