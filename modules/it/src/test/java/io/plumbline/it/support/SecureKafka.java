package io.plumbline.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node KRaft broker with two secured listeners besides its plain one: {@code
 * SASL_SSL} with SCRAM-SHA-512 and {@code SSL} requiring a client certificate (mutual TLS), both on
 * loopback with certificates from a {@link ThrowawayCertificates} CA. SCRAM users are created
 * through the Admin API on the plain listener, the way an operator would bootstrap them.
 */
public final class SecureKafka implements AutoCloseable {

  private static final ListenerName SASL_SSL = new ListenerName("SECURE");
  private static final ListenerName MUTUAL_TLS = new ListenerName("MTLS");

  private final KafkaClusterTestKit cluster;

  private SecureKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Starts the broker with its key store from {@code certificates}. */
  public static SecureKafka start(ThrowawayCertificates certificates, Path baseDirectory)
      throws Exception {
    Path keyStore = certificates.keyStore("localhost");
    TestKitNodes nodes =
        new TestKitNodes.Builder()
            .setBaseDirectory(Files.createDirectories(baseDirectory))
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
            .build();
    String secure = "listener.name.secure.";
    String mtls = "listener.name.mtls.";
    KafkaClusterTestKit.Builder builder =
        new KafkaClusterTestKit.Builder(nodes)
            // The test kit binds EXTERNAL and CONTROLLER itself (port 0 here is ignored for them);
            // SECURE and MTLS get ephemeral ports on loopback.
            .setConfigProp(
                "listeners",
                "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                    + "SECURE://127.0.0.1:0,MTLS://127.0.0.1:0")
            .setConfigProp(
                "listener.security.protocol.map",
                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT,SECURE:SASL_SSL,MTLS:SSL")
            .setConfigProp(secure + "sasl.enabled.mechanisms", "SCRAM-SHA-512")
            .setConfigProp(
                secure + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;")
            .setConfigProp(mtls + "ssl.client.auth", "required")
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "2")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "2")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .setDeleteOnClose(true);
    for (String listener : List.of(secure, mtls)) {
      builder
          .setConfigProp(listener + "ssl.keystore.location", keyStore.toString())
          .setConfigProp(listener + "ssl.keystore.password", ThrowawayCertificates.PASSWORD)
          .setConfigProp(listener + "ssl.key.password", ThrowawayCertificates.PASSWORD)
          .setConfigProp(listener + "ssl.keystore.type", "PKCS12")
          .setConfigProp(listener + "ssl.truststore.location", certificates.trustStore().toString())
          .setConfigProp(listener + "ssl.truststore.password", ThrowawayCertificates.PASSWORD)
          .setConfigProp(listener + "ssl.truststore.type", "PKCS12");
    }
    KafkaClusterTestKit cluster = builder.build();
    try {
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new SecureKafka(cluster);
    } catch (Exception e) {
      new SecureKafka(cluster).close();
      throw e;
    }
  }

  /** {@code host:port} of the SASL_SSL (SCRAM-SHA-512) listener. */
  public String saslSslBootstrap() {
    return "127.0.0.1:" + cluster.brokers().values().iterator().next().boundPort(SASL_SSL);
  }

  /** {@code host:port} of the mutual-TLS listener. */
  public String mutualTlsBootstrap() {
    return "127.0.0.1:" + cluster.brokers().values().iterator().next().boundPort(MUTUAL_TLS);
  }

  /** Creates (or replaces) a SCRAM-SHA-512 user through the Admin API on the plain listener. */
  public void createScramUser(String user, String password) throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("secure Kafka did not shut down cleanly", e);
    }
  }
}
