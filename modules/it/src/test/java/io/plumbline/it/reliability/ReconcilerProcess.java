package io.plumbline.it.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code plumbline run --config FILE} in a JVM of its own, as an operator would run it, so that it
 * can be killed with SIGKILL (no shutdown hook, no final commit), suspended and restarted. Each
 * start writes its output to its own log file next to the configuration, kept for diagnosis.
 */
final class ReconcilerProcess {

  private static final Pattern API_LINE = Pattern.compile("HTTP API on (http://\\S+)");
  private static final Duration POLL = Duration.ofMillis(100);

  private final Path configFile;
  private final Path logDirectory;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private Path log;
  private int starts;

  ReconcilerProcess(Path configFile, Path logDirectory) {
    this.configFile = configFile;
    this.logDirectory = logDirectory;
  }

  /** Starts a new reconciler JVM (the previous one must be gone). */
  void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the previous reconciler is still running");
    }
    starts++;
    log = logDirectory.resolve("reconciler-" + starts + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.plumbline.app.Plumbline",
                    "run",
                    "--config",
                    configFile.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
  }

  /** SIGKILL: the JVM dies at once, mid-transaction, without closing anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("reconciler pid " + process.pid() + " survived SIGKILL");
    }
  }

  /** SIGTERM: the shutdown hook closes Kafka Streams cleanly (final commit, checkpoints). */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("reconciler pid " + process.pid() + " did not stop on SIGTERM");
    }
  }

  /** SIGSTOP or SIGCONT, to simulate a stall (a long GC pause, a frozen VM). */
  void signal(String name) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /**
   * Waits up to {@code timeout} for the process to exit by itself; returns true when it did. Used
   * as the seeded random interval between kills: a process that dies on its own fails the test.
   */
  boolean exitsWithin(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  int starts() {
    return starts;
  }

  /** The exit code of the process, which must have exited. */
  int exitCode() {
    return process.exitValue();
  }

  /** The operating-system id of the current (or last) process. */
  long pid() {
    return process.pid();
  }

  /** The current run's log file. */
  Path logFile() {
    return log;
  }

  /** The current run's output. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  /**
   * Waits until the reconciler reports ready ({@code GET /ready} is 200: Kafka Streams RUNNING and
   * no store restoring), failing at the deadline or when the process exits.
   */
  void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    URI api = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "reconciler exited with " + process.exitValue() + " before ready:\n" + output());
      }
      if (api == null) {
        api = api();
      }
      if (api != null && ready(api)) {
        return;
      }
      exitsWithin(POLL);
    }
    throw new AssertionError("reconciler not ready after " + timeout + ":\n" + output());
  }

  /** The current run's HTTP API as it announced it, or null before it has. */
  URI api() {
    Matcher m = API_LINE.matcher(output());
    return m.find() ? URI.create(m.group(1)) : null;
  }

  /** The body of {@code GET path} on the current run's HTTP API (which must have announced it). */
  String get(String path) throws IOException, InterruptedException {
    URI api = api();
    if (api == null) {
      throw new IllegalStateException("the reconciler has not announced its HTTP API yet");
    }
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private boolean ready(URI api) throws InterruptedException {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(api.resolve("/ready")).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }
}
