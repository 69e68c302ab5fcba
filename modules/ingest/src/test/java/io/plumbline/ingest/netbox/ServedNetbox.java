package io.plumbline.ingest.netbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A NetBox API served from recorded responses on 127.0.0.1 (ephemeral port): each list endpoint
 * maps to a test resource, {@code next} links and URLs of the recording host are rewritten to this
 * server, and a test can replace an endpoint's answer (another file, an HTML page, an HTTP error).
 * Requests are recorded with their Authorization header.
 */
public final class ServedNetbox implements AutoCloseable {

  /** An answer: status, content type and body (null body: the routed resource). */
  record Answer(int status, String contentType, String body) {}

  /** A request seen: path with query, and its Authorization header. */
  record Seen(String pathAndQuery, String authorization) {}

  private static final String RECORDED_HOST = "http://localhost:8000";

  private final HttpServer server;
  private final Map<String, String> resources = new ConcurrentHashMap<>();
  private final Map<String, Answer> overrides = new ConcurrentHashMap<>();
  private final Map<String, Function<String, Answer>> byQuery = new ConcurrentHashMap<>();
  final List<Seen> seen = new CopyOnWriteArrayList<>();

  public ServedNetbox() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** pynetbox's recorded responses, interfaces paged in two (offset 0 and 50). */
  public static ServedNetbox pynetbox() throws IOException {
    ServedNetbox netbox = new ServedNetbox();
    String dir = "/netbox/pynetbox/";
    netbox.route("sites", dir + "sites.json");
    netbox.route("racks", dir + "racks.json");
    netbox.route("device-types", dir + "device_types.json");
    netbox.route("power-port-templates", dir + "power_port_templates.json");
    netbox.route("interfaces", dir + "interfaces_1.json");
    netbox.route("interfaces?offset=50", dir + "interfaces_2.json");
    netbox.route("devices", dir + "devices.json");
    netbox.route("power-ports", dir + "power_ports.json");
    netbox.route("cables", dir + "cables.json");
    // pynetbox's recordings predate modules (NetBox 3.2): none listed.
    netbox.route("module-types", "/netbox/synthetic/empty-list.json");
    netbox.route("modules", "/netbox/synthetic/empty-list.json");
    return netbox;
  }

  /** The synthetic NetBox 4.x responses, every endpoint. */
  public static ServedNetbox synthetic4x() throws IOException {
    ServedNetbox netbox = new ServedNetbox();
    for (NetboxEndpoint endpoint : NetboxEndpoint.values()) {
      netbox.route(endpoint.name, "/netbox/synthetic/netbox-4x-" + endpoint.name + ".json");
    }
    return netbox;
  }

  /** Serves {@code resource} for {@code /api/dcim/<endpoint>/} (optionally {@code ?offset=N}). */
  void route(String endpoint, String resource) {
    resources.put(endpoint, resource);
  }

  void answer(String endpoint, Answer answer) {
    overrides.put(endpoint, answer);
  }

  /** Answers {@code /api/dcim/<endpoint>/} from its query string (null body: the resource). */
  void respond(String endpoint, Function<String, Answer> answer) {
    byQuery.put(endpoint, answer);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      seen.add(
          new Seen(
              path + (query == null ? "" : "?" + query),
              exchange.getRequestHeaders().getFirst("Authorization")));
      String endpoint = path.replaceFirst("^/api/dcim/", "").replaceFirst("/$", "");
      String offset = query == null ? null : param(query, "offset");
      String key =
          offset != null && resources.containsKey(endpoint + "?offset=" + offset)
              ? endpoint + "?offset=" + offset
              : endpoint;
      Answer answer = overrides.get(endpoint);
      if (answer == null && byQuery.containsKey(endpoint)) {
        answer = byQuery.get(endpoint).apply(query == null ? "" : query);
        if (answer.body() == null) {
          answer = null;
        }
      }
      if (answer != null) {
        send(exchange, answer.status(), answer.contentType(), answer.body());
        return;
      }
      String resource = resources.get(key);
      if (resource == null) {
        send(exchange, 404, "application/json", "{\"detail\": \"Not found.\"}");
        return;
      }
      send(exchange, 200, "application/json", read(resource).replace(RECORDED_HOST, url()));
    }
  }

  private static String param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  static String read(String resource) {
    try (InputStream in = ServedNetbox.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
