package io.plumbline.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka cluster (one combined broker and controller) running in this JVM,
 * listening on loopback. For the demo and the tests; production uses an external cluster.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

  private final KafkaClusterTestKit cluster;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Formats storage in a fresh temporary directory, starts the node and waits until it serves. */
  public static EmbeddedKafka start() {
    KafkaClusterTestKit cluster = null;
    try {
      // Our own directory: the test kit's default one is deleted by a JVM shutdown hook of its
      // own, which on Ctrl-C races the broker's shutdown, fails its log dir and halts the JVM
      // before the demo can stop its other parts. The cluster deletes this one on close.
      Path baseDirectory = Files.createTempDirectory("plumbline-kafka-");
      TestKitNodes nodes =
          new TestKitNodes.Builder()
              .setBaseDirectory(baseDirectory)
              .setCombined(true)
              .setNumBrokerNodes(1)
              .setNumControllerNodes(1)
              .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
              .build();
      cluster =
          new KafkaClusterTestKit.Builder(nodes)
              // A single node cannot meet the default replication of the internal topics; without
              // these, consumer groups and transactions silently get nothing.
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "4")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("transaction.state.log.num.partitions", "4")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "false")
              .setDeleteOnClose(true)
              .build();
      formatQuietly(cluster);
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new EmbeddedKafka(cluster);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(cluster);
      throw new IllegalStateException("interrupted while starting the embedded Kafka broker", e);
    } catch (Exception e) {
      closeQuietly(cluster);
      throw new IllegalStateException("could not start the embedded Kafka broker", e);
    }
  }

  // Kafka's storage formatter reports to System.out; keep the demo's console for its own story.
  private static void formatQuietly(KafkaClusterTestKit cluster) throws Exception {
    PrintStream console = System.out;
    synchronized (System.class) {
      System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
      try {
        cluster.format();
      } finally {
        System.setOut(console);
      }
    }
  }

  /** The {@code bootstrap.servers} value for clients of this cluster. */
  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** An admin client for this cluster; the caller closes it. */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Creates the topics, ignoring those that exist already, and waits until they are created. */
  public void createTopics(Collection<NewTopic> topics) {
    try (Admin admin = admin()) {
      for (var result : admin.createTopics(topics).values().values()) {
        try {
          result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("could not create topic", e.getCause());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("topics not created within 60 s", e);
    }
  }

  @Override
  public void close() {
    closeQuietly(cluster);
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    if (cluster == null) {
      return;
    }
    try {
      cluster.close();
    } catch (Exception e) {
      LOG.warn("embedded Kafka did not shut down cleanly", e);
    }
  }
}
