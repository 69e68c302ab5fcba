package io.plumbline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apicurio Registry 3.0.9 run as a child process on a free loopback port, with in-memory storage
 * (or, from {@link #startPersistent}, an H2 database file that survives a restart) and its
 * Confluent-compatible API. Started with compatibility BACKWARD, as production registries should
 * be. The archive comes from the local Maven repository (the embedded module's build fetches it);
 * {@value #ARCHIVE_PROPERTY} overrides its location.
 */
public final class ApicurioRegistry implements AutoCloseable {

  public static final String VERSION = "3.0.9";
  public static final String ARCHIVE_PROPERTY = "plumbline.apicurio.archive";
  private static final String CCOMPAT_PATH = "/apis/ccompat/v7";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Logger LOG = LoggerFactory.getLogger(ApicurioRegistry.class);

  private final Process process;
  private final int port;
  private final Thread shutdownHook;

  private ApicurioRegistry(Process process, int port) {
    this.process = process;
    this.port = port;
    this.shutdownHook = new Thread(process::destroyForcibly, "apicurio-registry-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a registry and returns once it answers and enforces BACKWARD compatibility. */
  public static ApicurioRegistry start() {
    return start(freeLoopbackPort(), List.of());
  }

  /**
   * Starts a registry that keeps its schemas in an H2 database file under {@code storage} (the
   * default storage is in memory and forgets every schema and id on a restart), on {@code port}, or
   * on a free port when it is 0. Started again with the same directory and port, it is the same
   * registry: same schemas, same ids, same URL, as a production registry with a database is.
   */
  public static ApicurioRegistry startPersistent(Path storage, int port) {
    try {
      Files.createDirectories(storage);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + storage, e);
    }
    String url = "jdbc:h2:file:" + storage.toAbsolutePath().resolve("registry");
    return start(
        port == 0 ? freeLoopbackPort() : port, List.of("-Dapicurio.datasource.url=" + url));
  }

  private static ApicurioRegistry start(int port, List<String> extraOptions) {
    Path runnerJar = unpackedRunnerJar();
    Path log = runnerJar.getParent().resolve("registry-" + port + ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            java.toString(),
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Dquarkus.http.host=127.0.0.1",
            "-Dquarkus.http.port=" + port,
            "-Dquarkus.management.enabled=false",
            // Whitespace variants of one schema must map to one id, as in Confluent's registry.
            "-Dapicurio.ccompat.use-canonical-hash=true"));
    command.addAll(extraOptions);
    command.addAll(List.of("-jar", runnerJar.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start Apicurio Registry from " + runnerJar, e);
    }
    ApicurioRegistry registry = new ApicurioRegistry(process, port);
    try {
      registry.awaitReady(log);
      registry.setCompatibility("BACKWARD");
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    LOG.info("Apicurio Registry {} listening at {}", VERSION, registry.ccompatUrl());
    return registry;
  }

  /** The Confluent-compatible API root, the value for {@code schema.registry.url}. */
  public String ccompatUrl() {
    return "http://127.0.0.1:" + port + CCOMPAT_PATH;
  }

  /** The loopback port the registry listens on. */
  public int port() {
    return port;
  }

  /** Whether the registry process is still alive. */
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook runs anyway.
      LOG.debug("JVM is shutting down; registry stop hook left in place");
    }
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(ccompatUrl() + "/subjects"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Apicurio Registry exited with code " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        LOG.trace("registry not answering yet: {}", e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the registry", e);
      }
      try {
        process.waitFor(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the registry", e);
      }
    }
    throw new IllegalStateException(
        "Apicurio Registry did not answer within " + START_TIMEOUT + "; see " + log);
  }

  private void setCompatibility(String level) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(ccompatUrl() + "/config"))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "registry refused compatibility " + level + ": " + response.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not set registry compatibility", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while configuring the registry", e);
    }
  }

  /** Unpacks the archive once into a per-user cache; later starts reuse it. */
  private static Path unpackedRunnerJar() {
    Path archive = archive();
    Path cache =
        Path.of(System.getProperty("user.home"), ".cache", "plumbline", "apicurio-" + VERSION);
    Optional<Path> existing = findRunnerJar(cache);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      Files.createDirectories(cache.getParent());
      // Unpack beside the cache and rename, so an interrupted unpack never looks complete.
      Path staging = Files.createTempDirectory(cache.getParent(), "apicurio-unpack-");
      run(List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()));
      try {
        Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        LOG.debug("another process unpacked the registry first", raced);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not unpack " + archive, e);
    }
    return findRunnerJar(cache)
        .orElseThrow(() -> new IllegalStateException("no *-runner.jar inside " + archive));
  }

  private static Path archive() {
    String override = System.getProperty(ARCHIVE_PROPERTY);
    if (override != null && !override.isBlank()) {
      return existing(Path.of(override));
    }
    String repo =
        System.getProperty(
            "maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    return existing(
        Path.of(
            repo,
            "io/apicurio/apicurio-registry-app",
            VERSION,
            "apicurio-registry-app-" + VERSION + "-all.tar.gz"));
  }

  private static Path existing(Path archive) {
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException(
          "Apicurio Registry archive not found at "
              + archive
              + "; build the project once (mvn install) or run: mvn dependency:get"
              + " -Dartifact=io.apicurio:apicurio-registry-app:"
              + VERSION
              + ":tar.gz:all -Dtransitive=false");
    }
    return archive;
  }

  private static Optional<Path> findRunnerJar(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.walk(dir, 4)) {
      return files.filter(p -> p.getFileName().toString().endsWith("-runner.jar")).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(List<String> command) throws IOException {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (process.waitFor() != 0) {
        throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
