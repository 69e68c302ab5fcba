package io.plumbline.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka (combined broker and controller) in a JVM of its own ({@code
 * kafka.Kafka}), so that it can be stopped and started again on the same loopback ports and the
 * same log directory, as an operator restarts a broker. {@link EmbeddedKafka} runs in the caller's
 * JVM and cannot do that: its test kit picks new ports on every start. Internal topics have
 * replication factor 1; the ports are picked free once, at {@link #start(Path)}.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final Path properties;
  private final int port;
  private final Thread shutdownHook;
  private Process process;
  private int starts;

  private KafkaBrokerProcess(Path directory, Path properties, int port) {
    this.directory = directory;
    this.properties = properties;
    this.port = port;
    this.shutdownHook = new Thread(this::destroyForcibly, "kafka-broker-process-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Formats a new log directory under {@code directory}, starts the broker and returns once it
   * answers an admin request.
   */
  public static KafkaBrokerProcess start(Path directory) {
    try {
      Files.createDirectories(directory);
      int port = freeLoopbackPort();
      int controllerPort = freeLoopbackPort();
      Path properties = directory.resolve("server.properties");
      writeProperties(properties, directory.resolve("logs"), port, controllerPort);
      Process format =
          new ProcessBuilder(
                  javaCommand(
                      "kafka.tools.StorageTool",
                      "format",
                      "--config",
                      properties.toString(),
                      "--cluster-id",
                      Uuid.randomUuid().toString()))
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("format.log").toFile())
              .start();
      if (!format.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException(
            "could not format the Kafka log directory; see " + directory.resolve("format.log"));
      }
      KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, properties, port);
      broker.restart();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a Kafka broker in " + directory, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a Kafka broker", e);
    }
  }

  /**
   * Starts the (stopped) broker again on the same ports and log directory; waits until it serves.
   */
  public void restart() throws InterruptedException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the broker is still running");
    }
    starts++;
    Path log = directory.resolve("broker-" + starts + ".log");
    try {
      process =
          new ProcessBuilder(javaCommand("kafka.Kafka", properties.toString()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the Kafka broker", e);
    }
    awaitServing(log);
  }

  /** SIGTERM: a controlled shutdown, as {@code kafka-server-stop.sh} does. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("the Kafka broker did not stop within " + STOP_TIMEOUT);
    }
  }

  /** SIGKILL: the broker dies at once, as in a power loss of its host (minus the disk cache). */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new IllegalStateException("the Kafka broker survived SIGKILL");
    }
  }

  /** The {@code bootstrap.servers} value; the same across restarts. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() {
    destroyForcibly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting: the hook runs anyway.
    }
  }

  private void destroyForcibly() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  private void awaitServing(Path log) throws InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000))) {
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "the Kafka broker exited with " + process.exitValue() + "; see " + log);
        }
        try {
          if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
          process.waitFor(200, TimeUnit.MILLISECONDS);
        }
      }
    }
    throw new IllegalStateException(
        "the Kafka broker did not serve within " + START_TIMEOUT + "; see " + log);
  }

  private static void writeProperties(Path file, Path logDir, int port, int controllerPort)
      throws IOException {
    Properties p = new Properties();
    p.setProperty("process.roles", "broker,controller");
    p.setProperty("node.id", "1");
    p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    p.setProperty(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.setProperty("controller.listener.names", "CONTROLLER");
    p.setProperty("inter.broker.listener.name", "PLAINTEXT");
    p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.setProperty("log.dirs", logDir.toString());
    // One node cannot meet the default replication of the internal topics.
    p.setProperty("offsets.topic.replication.factor", "1");
    p.setProperty("offsets.topic.num.partitions", "4");
    p.setProperty("transaction.state.log.replication.factor", "1");
    p.setProperty("transaction.state.log.min.isr", "1");
    p.setProperty("transaction.state.log.num.partitions", "4");
    p.setProperty("share.coordinator.state.topic.replication.factor", "1");
    p.setProperty("share.coordinator.state.topic.min.isr", "1");
    p.setProperty("group.initial.rebalance.delay.ms", "0");
    p.setProperty("auto.create.topics.enable", "false");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "single-node KRaft broker for tests");
    }
  }

  private static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
