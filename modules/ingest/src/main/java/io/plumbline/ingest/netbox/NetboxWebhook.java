package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Receives NetBox event-rule webhooks ({@code {"event", "model", "data", "snapshots"}}) and
 * publishes the changed intent record before answering, so a 200 means it is in Kafka. With a
 * secret, a request whose {@code X-Hook-Signature} is missing or wrong is refused with 403 and
 * counted as rejected; a body that is not a NetBox event is refused with 400 and dead-lettered.
 */
public final class NetboxWebhook implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final HookSignature signature;
  private final NetboxSync sync;
  private final IngestContext context;

  /**
   * Starts listening on {@code address}.
   *
   * @param signature the secret's signature check, or null to accept unsigned requests
   */
  public NetboxWebhook(
      InetSocketAddress address, HookSignature signature, NetboxSync sync, IngestContext context)
      throws IOException {
    this.signature = signature;
    this.sync = sync;
    this.context = context;
    this.server = HttpServer.create(address, 0);
    this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "netbox-webhook"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The port listened on (useful when asked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        respond(exchange, 405, "POST a NetBox webhook here\n");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES);
      }
      String remote = String.valueOf(exchange.getRemoteAddress());
      if (signature != null
          && !signature.verifies(
              body, exchange.getRequestHeaders().getFirst(HookSignature.HEADER))) {
        context.counters().count(NetboxSync.SOURCE, Outcome.REJECTED);
        context
            .progress()
            .printf(
                "netbox webhook: refused a request from %s: %s missing or wrong%n",
                remote, HookSignature.HEADER);
        respond(exchange, 403, "bad or missing " + HookSignature.HEADER + "\n");
        return;
      }
      JsonNode event;
      try {
        event = JSON.readTree(body);
      } catch (IOException e) {
        event = null;
      }
      if (event == null || !event.isObject() || !event.has("model") || !event.has("event")) {
        String reason = "not a NetBox webhook event (needs event, model and data)";
        context.counters().count(NetboxSync.SOURCE, Outcome.REJECTED);
        context.sink().deadLetter(NetboxSync.SOURCE, "webhook from " + remote, body, reason);
        context.progress().println("netbox webhook: " + reason + ", from " + remote);
        respond(exchange, 400, reason + "\n");
        return;
      }
      try {
        String done =
            sync.apply(
                NetboxJson.text(event, "event"),
                NetboxJson.text(event, "model"),
                event.get("data"));
        context.progress().println("netbox webhook: " + done);
        respond(exchange, 200, done + "\n");
      } catch (RuntimeException e) {
        context.progress().println("netbox webhook: could not publish: " + e);
        respond(exchange, 500, "could not publish: " + e.getMessage() + "\n");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
