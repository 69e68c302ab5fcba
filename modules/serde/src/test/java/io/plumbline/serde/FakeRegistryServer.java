package io.plumbline.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * A stand-in for a registry in unit tests: the Confluent REST API on a loopback port, backed by an
 * {@link InMemorySchemaRegistryClient}, which records every request and can be told to fail.
 */
final class FakeRegistryServer implements AutoCloseable {

  static final String BASE_PATH = "/apis/ccompat/v7";

  private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");
  private static final Pattern SUBJECT = Pattern.compile("/subjects/([^/]+)");
  private static final Pattern LATEST = Pattern.compile("/subjects/([^/]+)/versions/latest");
  private static final Pattern SCHEMA_BY_ID = Pattern.compile("/schemas/ids/(\\d+)");
  private static final Pattern COMPATIBILITY =
      Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");

  private final HttpServer server;
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient("fake");
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final Deque<Integer> scriptedStatuses = new ConcurrentLinkedDeque<>();
  private volatile int permanentStatus;

  private FakeRegistryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(BASE_PATH, this::handle);
    server.start();
  }

  static FakeRegistryServer start() {
    try {
      return new FakeRegistryServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A loopback URL where nothing listens, for connection failures. */
  static String deadUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort() + BASE_PATH;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
  }

  /** The next {@code times} requests get {@code status} with an error body. */
  void failNext(int status, int times) {
    for (int i = 0; i < times; i++) {
      scriptedStatuses.add(status);
    }
  }

  /** Every request from now on gets {@code status}. */
  void failAlways(int status) {
    permanentStatus = status;
  }

  /** Requests seen so far, as "METHOD path". */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Authorization headers seen so far ("" when absent). */
  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  InMemorySchemaRegistryClient registry() {
    return registry;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath().substring(BASE_PATH.length());
      String method = exchange.getRequestMethod();
      requests.add(method + " " + URLDecoder.decode(path, StandardCharsets.UTF_8));
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "" : authorization);
      Integer scripted = scriptedStatuses.poll();
      int failure = scripted != null ? scripted : permanentStatus;
      if (failure != 0) {
        respond(exchange, failure, error(failure, "scripted failure"));
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      try {
        respond(exchange, 200, answer(method, path, body));
      } catch (UnknownSchemaIdException | SchemaNotRegisteredException e) {
        respond(exchange, 404, error(40403, e.getMessage()));
      } catch (IncompatibleSchemaException e) {
        respond(exchange, 409, error(409, e.getMessage()));
      } catch (RuntimeException e) {
        respond(exchange, 400, error(400, e.toString()));
      }
    }
  }

  private String answer(String method, String path, String body) throws IOException {
    ObjectNode json = RegistryResponse.JSON.createObjectNode();
    Matcher m;
    if (method.equals("GET") && path.equals("/subjects")) {
      return RegistryResponse.JSON.writeValueAsString(registry.getAllSubjects());
    } else if (method.equals("GET") && (m = SCHEMA_BY_ID.matcher(path)).matches()) {
      json.put("schema", registry.getSchemaById(Integer.parseInt(m.group(1))).toString());
    } else if (method.equals("GET") && (m = LATEST.matcher(path)).matches()) {
      RegisteredSchema latest = registry.getLatestVersion(subject(m));
      json.put("subject", latest.subject()).put("id", latest.id()).put("version", latest.version());
      json.put("schema", latest.schema().toString());
    } else if (method.equals("POST") && (m = COMPATIBILITY.matcher(path)).matches()) {
      json.put("is_compatible", registry.testCompatibility(subject(m), schema(body)));
    } else if (method.equals("POST") && (m = VERSIONS.matcher(path)).matches()) {
      json.put("id", registry.register(subject(m), schema(body)));
    } else if (method.equals("POST") && (m = SUBJECT.matcher(path)).matches()) {
      Schema schema = schema(body);
      json.put("subject", subject(m)).put("id", registry.getId(subject(m), schema));
      json.put("version", 1).put("schema", schema.toString());
    } else {
      throw new IllegalArgumentException("fake registry has no route for " + method + " " + path);
    }
    return json.toString();
  }

  private static String subject(Matcher m) {
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  private static Schema schema(String body) throws IOException {
    JsonNode request = RegistryResponse.JSON.readTree(body);
    return new Schema.Parser().parse(request.path("schema").asText());
  }

  private static String error(int code, String message) {
    return RegistryResponse.JSON
        .createObjectNode()
        .put("error_code", code)
        .put("message", message)
        .toString();
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The paths requested, without methods, in order. */
  List<String> paths() {
    List<String> paths = new ArrayList<>();
    for (String request : requests) {
      paths.add(request.substring(request.indexOf(' ') + 1));
    }
    return paths;
  }
}
