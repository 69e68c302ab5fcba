package io.plumbline.ingest.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * One BMC's Redfish service over HTTP(S): GETs resources as JSON with the retry policy, and
 * authenticates with basic authentication or a Redfish session ({@code POST
 * SessionService/Sessions}, then {@code X-Auth-Token}; {@link #close()} deletes the session). Not
 * thread-safe: one instance per crawl of one BMC.
 */
public final class RedfishService implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEFAULT_SESSIONS = "/redfish/v1/SessionService/Sessions";

  private final HttpClient http;
  private final URI base;
  private final RedfishCredentials credentials;
  private final RetryPolicy retry;
  private final String trust;
  private String token;
  private URI session;

  /**
   * @param base the BMC's address, e.g. {@code https://192.0.2.10}; a path on it is ignored
   * @param trust what TLS trusts, named in handshake errors
   */
  public RedfishService(
      HttpClient http, URI base, RedfishCredentials credentials, RetryPolicy retry, String trust) {
    this.http = http;
    this.base = URI.create(base.getScheme() + "://" + base.getRawAuthority());
    this.credentials = credentials;
    this.retry = retry;
    this.trust = trust;
  }

  /** The BMC as {@code host} or {@code host:port}. */
  public String address() {
    return base.getRawAuthority();
  }

  /**
   * Opens a session when the credentials ask for one, at the service root's {@code Links.Sessions}
   * (else the standard path).
   */
  public void login(JsonNode serviceRoot) throws RedfishException {
    if (!credentials.present() || !credentials.session()) {
      return;
    }
    String path = serviceRoot.path("Links").path("Sessions").path("@odata.id").asText("");
    URI target = resolve(path.isBlank() ? DEFAULT_SESSIONS : path);
    ObjectNode body = JSON.createObjectNode();
    body.put("UserName", credentials.user());
    body.put("Password", credentials.password());
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(retry.timeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    HttpResponse<String> response = send(request, "POST " + target.getPath());
    if (response.statusCode() / 100 != 2) {
      throw new RedfishException(
          "POST " + target.getPath() + ": session refused, HTTP " + response.statusCode(),
          response.statusCode(),
          null);
    }
    Optional<String> header = response.headers().firstValue("X-Auth-Token");
    if (header.isEmpty()) {
      throw new RedfishException(
          "POST " + target.getPath() + ": no X-Auth-Token in the answer",
          response.statusCode(),
          null);
    }
    token = header.get();
    session = response.headers().firstValue("Location").map(this::resolve).orElse(null);
    if (session == null) {
      String id = parse(response.body(), target.getPath()).path("@odata.id").asText("");
      session = id.isBlank() ? null : resolve(id);
    }
  }

  /** The resource at a path (or absolute URL on this BMC), retried per the policy. */
  public JsonNode get(String path) throws RedfishException {
    URI target = resolve(path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(retry.timeout())
            .header("Accept", "application/json")
            .GET();
    authenticate(request);
    String what = "GET " + target.getRawPath();
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<String> response = send(request.build(), what);
        int status = response.statusCode();
        if (status / 100 == 2) {
          return parse(response.body(), what);
        }
        RedfishException failure =
            new RedfishException(what + ": HTTP " + status + reason(status), status, null);
        if (!RetryPolicy.retryable(status) || attempt >= retry.retries()) {
          throw failure;
        }
      } catch (RedfishException e) {
        if (!RetryPolicy.retryable(e.status())
            || attempt >= retry.retries()
            || e.getCause() instanceof SSLException) {
          throw e;
        }
      }
      pause(retry.backoff(attempt + 1), what);
    }
  }

  /** Deletes the session, if one was opened; failures only cost the BMC a session slot. */
  @Override
  public void close() {
    if (session == null) {
      return;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(session).timeout(retry.timeout()).DELETE();
    authenticate(request);
    try {
      send(request.build(), "DELETE " + session.getPath());
    } catch (RedfishException e) {
      // The BMC expires the session on its own; nothing else to do.
    } finally {
      session = null;
      token = null;
    }
  }

  private void authenticate(HttpRequest.Builder request) {
    if (token != null) {
      request.header("X-Auth-Token", token);
    } else if (credentials.present()) {
      String pair = credentials.user() + ":" + credentials.password();
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
  }

  private HttpResponse<String> send(HttpRequest request, String what) throws RedfishException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new RedfishException(what + ": timed out after " + retry.timeout(), 0, e);
    } catch (SSLException e) {
      throw new RedfishException(
          what
              + ": TLS handshake with "
              + address()
              + " failed, its certificate is not trusted by "
              + trust
              + " ("
              + e.getMessage()
              + "); pass --ca-file with the BMC's CA, or --insecure to accept any certificate",
          0,
          e);
    } catch (ConnectException e) {
      throw new RedfishException(what + ": cannot connect to " + address(), 0, e);
    } catch (IOException e) {
      if (e.getCause() instanceof SSLException tls) {
        throw new RedfishException(
            what
                + ": TLS handshake with "
                + address()
                + " failed, its certificate is not trusted by "
                + trust
                + " ("
                + tls.getMessage()
                + "); pass --ca-file with the BMC's CA, or --insecure to accept any certificate",
            0,
            tls);
      }
      throw new RedfishException(what + ": " + e, 0, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedfishException(what + ": interrupted", 0, e);
    }
  }

  private static JsonNode parse(String body, String what) throws RedfishException {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new RedfishException(what + ": the answer is not a JSON object", 200, null);
      }
      return node;
    } catch (IOException e) {
      throw new RedfishException(
          what + ": the answer is not JSON (" + e.getMessage() + ")", 200, e);
    }
  }

  private URI resolve(String path) {
    return base.resolve(path.strip());
  }

  private static String reason(int status) {
    return switch (status) {
      case 401 -> " Unauthorized (check --user and --password-file)";
      case 403 -> " Forbidden";
      case 404 -> " Not Found";
      case 503 -> " Service Unavailable";
      default -> "";
    };
  }

  private static void pause(java.time.Duration wait, String what) throws RedfishException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RedfishException(what + ": interrupted", 0, e);
    }
  }
}
