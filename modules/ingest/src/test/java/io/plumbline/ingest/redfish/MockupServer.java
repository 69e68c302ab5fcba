package io.plumbline.ingest.redfish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;

/**
 * Serves a DMTF mockup folder as a Redfish service on 127.0.0.1 (ephemeral port): {@code
 * /redfish/v1/X/Y} is {@code X/Y/index.json} in the folder, served as stored (the mockups link by
 * path, so only the host differs from the service they were recorded from). Faults are injected per
 * path: a status, a status for the first N requests, a rewrite of the body, a resource added, or a
 * request that hangs until the server closes. Sessions are accepted at {@code
 * /redfish/v1/SessionService/Sessions}, and every request is logged.
 */
final class MockupServer implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(String method, String path, String authorization, String token) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSIONS = "/redfish/v1/SessionService/Sessions";

  private final Path root;
  private final HttpServer server;
  private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> transientFailures = new ConcurrentHashMap<>();
  private final Map<String, UnaryOperator<ObjectNode>> rewrites = new ConcurrentHashMap<>();
  private final Map<String, String> added = new ConcurrentHashMap<>();
  private final Map<String, Boolean> hanging = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger sessions = new AtomicInteger();
  private final ExecutorService workers = Executors.newCachedThreadPool();

  private MockupServer(Path root, HttpServer server) {
    this.root = root;
    this.server = server;
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  /** Serves a mockup folder from the test classpath, e.g. {@code redfish/public-rackmount1}. */
  static MockupServer http(String mockup) throws IOException {
    return new MockupServer(folder(mockup), HttpServer.create(loopback(), 0));
  }

  /** The same over TLS with the given server context. */
  static MockupServer https(String mockup, SSLContext tls) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    return new MockupServer(folder(mockup), server);
  }

  URI url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
  }

  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  MockupServer status(String path, int status) {
    statuses.put(path, status);
    return this;
  }

  MockupServer failFirst(String path, int times, int status) {
    statuses.put(path, status);
    transientFailures.put(path, new AtomicInteger(times));
    return this;
  }

  MockupServer rewrite(String path, UnaryOperator<ObjectNode> change) {
    rewrites.merge(path, change, (a, b) -> node -> b.apply(a.apply(node)));
    return this;
  }

  /** Adds (or replaces) a resource, the path may carry a query ({@code ?$skip=1}). */
  MockupServer add(String pathAndQuery, String json) {
    added.put(pathAndQuery, json);
    return this;
  }

  /** Adds a resource from a test-classpath file, at the path its {@code @odata.id} names. */
  MockupServer addResource(String classpathFile) throws IOException {
    try (var in = MockupServer.class.getClassLoader().getResourceAsStream(classpathFile)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + classpathFile);
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return add(JSON.readTree(json).path("@odata.id").asText(), json);
    }
  }

  MockupServer hang(String path) {
    hanging.put(path, true);
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  long count(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .count();
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    workers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      String method = exchange.getRequestMethod();
      requests.add(
          new Request(
              method,
              path,
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("X-Auth-Token")));
      String key = normalise(path);
      if (method.equals("POST") && key.equals(SESSIONS)) {
        String id = Integer.toString(sessions.incrementAndGet());
        exchange.getResponseHeaders().add("X-Auth-Token", "token-" + id);
        exchange.getResponseHeaders().add("Location", SESSIONS + "/" + id);
        send(
            exchange, 201, "{\"@odata.id\":\"" + SESSIONS + "/" + id + "\",\"Id\":\"" + id + "\"}");
        return;
      }
      if (method.equals("DELETE")) {
        send(exchange, 204, null);
        return;
      }
      if (hanging.containsKey(key)) {
        closing.await(60, TimeUnit.SECONDS);
        return;
      }
      Integer status = statuses.get(key);
      AtomicInteger remaining = transientFailures.get(key);
      if (status != null && (remaining == null || remaining.getAndDecrement() > 0)) {
        send(exchange, status, "{\"error\":{\"code\":\"Base.1.0.GeneralError\"}}");
        return;
      }
      String body = added.get(query == null ? key : key + "?" + query);
      if (body == null) {
        body = added.get(key);
      }
      if (body == null) {
        Path file = file(key);
        if (file == null) {
          send(exchange, 404, "{\"error\":{\"code\":\"Base.1.0.ResourceMissingAtURI\"}}");
          return;
        }
        body = Files.readString(file, StandardCharsets.UTF_8);
      }
      UnaryOperator<ObjectNode> rewrite = rewrites.get(key);
      if (rewrite != null) {
        JsonNode node = JSON.readTree(body);
        body = JSON.writeValueAsString(rewrite.apply((ObjectNode) node));
      }
      send(exchange, 200, body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path file(String path) {
    if (!path.startsWith("/redfish/v1")) {
      return null;
    }
    String rest = path.substring("/redfish/v1".length());
    Path file = root.resolve(rest.isEmpty() ? "" : rest.substring(1)).resolve("index.json");
    return file.normalize().startsWith(root) && Files.isRegularFile(file) ? file : null;
  }

  private static String normalise(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress("127.0.0.1", 0);
  }

  private static Path folder(String mockup) {
    try {
      var resource = MockupServer.class.getClassLoader().getResource(mockup);
      if (resource == null) {
        throw new IllegalArgumentException("no test resource " + mockup);
      }
      return Path.of(resource.toURI());
    } catch (URISyntaxException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
