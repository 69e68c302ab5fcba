package io.plumbline.it.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Prometheus process (Debian's {@code /usr/bin/prometheus}) on 127.0.0.1, scraping one
 * target as job {@code plumbline} and evaluating the given rule files every second (their group
 * intervals are rewritten so that a test sees rules evaluated within seconds). Its data and log
 * live in a temporary directory; {@link #close()} stops the process.
 */
final class PrometheusServer implements AutoCloseable {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(250);

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts Prometheus and waits until it answers {@code /-/ready}. */
  static PrometheusServer start(
      ExternalTool prometheus, Path workDir, String scrapeTarget, List<Path> ruleFiles)
      throws IOException, InterruptedException {
    List<String> rules = new ArrayList<>();
    for (Path ruleFile : ruleFiles) {
      rules.add(withOneSecondInterval(ruleFile, workDir).toString());
    }
    Path config = workDir.resolve("prometheus.yml");
    ObjectNode root = JSON.createObjectNode();
    root.putObject("global")
        .put("scrape_interval", "1s")
        .put("scrape_timeout", "1s")
        .put("evaluation_interval", "1s");
    ObjectNode job = root.putArray("scrape_configs").addObject();
    job.put("job_name", "plumbline").put("metrics_path", "/metrics");
    job.putArray("static_configs").addObject().putArray("targets").add(scrapeTarget);
    rules.forEach(root.putArray("rule_files")::add);
    YAML.writeValue(config.toFile(), root);

    int port = freeLoopbackPort();
    Path log = workDir.resolve("prometheus.log");
    Process process =
        new ProcessBuilder(
                prometheus.executable().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=info")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PrometheusServer server =
        new PrometheusServer(process, log, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitReady(Duration.ofSeconds(60));
    } catch (RuntimeException | Error | IOException | InterruptedException e) {
      server.close();
      throw e;
    }
    return server;
  }

  /** A copy of a rule file whose groups are evaluated every second. */
  private static Path withOneSecondInterval(Path ruleFile, Path workDir) throws IOException {
    JsonNode rules = YAML.readTree(ruleFile.toFile());
    for (JsonNode group : rules.path("groups")) {
      ((ObjectNode) group).put("interval", "1s");
    }
    Path copy = workDir.resolve(ruleFile.getFileName());
    YAML.writeValue(copy.toFile(), rules);
    return copy;
  }

  // Prometheus cannot report an ephemeral port it bound, so one is chosen just before it starts.
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void awaitReady(Duration timeout) throws IOException, InterruptedException {
    awaitUntil(
        "Prometheus ready on " + base,
        timeout,
        () -> {
          try {
            HttpResponse<String> response =
                http.send(
                    HttpRequest.newBuilder(base.resolve("/-/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  /** The {@code data} of a Prometheus HTTP API answer, e.g. {@code /api/v1/targets}. */
  JsonNode api(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = JSON.readTree(response.body());
    if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return body.path("data");
  }

  /** The result vector of an instant query. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
        .path("result");
  }

  /** A check that may throw while Prometheus is still catching up. */
  interface Check {
    boolean holds() throws IOException, InterruptedException;
  }

  /**
   * Re-checks until the condition holds; fails with Prometheus' log when the deadline passes or the
   * process exits. Each pause is a wait on the process itself, so a crash ends the wait at once.
   */
  void awaitUntil(String what, Duration timeout, Check check)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!check.holds()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + logTail());
      }
      if (process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError(
            "Prometheus exited ("
                + process.exitValue()
                + ") while waiting for "
                + what
                + logTail());
      }
    }
  }

  /** Checks a condition on an API answer; convenience for {@link #awaitUntil}. */
  void awaitApi(String what, Duration timeout, String path, Predicate<JsonNode> condition)
      throws IOException, InterruptedException {
    awaitUntil(what, timeout, () -> condition.test(api(path)));
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n--- prometheus log (last lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "\n(prometheus log unreadable: " + e + ")";
    }
  }

  /** Stops Prometheus (SIGTERM, then SIGKILL after 20 s) and waits for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
