package io.plumbline.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.ingest.IngestCounters;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves a long-running ingest process's counters ({@code plumbline_ingest_records_total{source,
 * outcome}}) and JVM memory as Prometheus text on {@code GET /metrics}, so the same Prometheus that
 * scrapes the reconciler sees what every ingest read, published and rejected.
 */
final class IngestMetricsEndpoint implements AutoCloseable {

  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final IngestCounters counters = new IngestCounters(registry);
  private final HttpServer server;

  private IngestMetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Binds {@code host:port} (port 0: a free one) and starts serving. */
  static IngestMetricsEndpoint start(String host, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "ingest.metrics.port: cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
    IngestMetricsEndpoint endpoint = new IngestMetricsEndpoint(server);
    new JvmMemoryMetrics().bindTo(endpoint.registry);
    server.createContext("/metrics", endpoint::handle);
    server.start();
    return endpoint;
  }

  /** The counters the ingest increments; they are what this endpoint serves. */
  IngestCounters counters() {
    return counters;
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    registry.close();
  }
}
