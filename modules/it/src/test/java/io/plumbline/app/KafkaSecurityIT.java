package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.it.support.SecureKafka;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.ThrowawayCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plumbline against a real broker that requires SASL_SSL with SCRAM-SHA-512 or mutual TLS, set up
 * only through the {@code kafka.} settings and secret files: good credentials are accepted (the
 * topics are created and checked), bad ones stop {@code plumbline run} with one line naming
 * authentication and the setting to check, without printing the secret.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KafkaSecurityIT {

  private static final String USER = "plumbline";
  private static final String PASSWORD = "scram-password-for-plumbline";

  @TempDir static Path dir;
  private static ThrowawayCertificates certificates;
  private static SecureKafka kafka;

  @BeforeAll
  static void startSecureBroker() throws Exception {
    certificates = ThrowawayCertificates.create(Files.createDirectories(dir.resolve("tls")));
    kafka = SecureKafka.start(certificates, dir.resolve("kafka"));
    kafka.createScramUser(USER, PASSWORD);
    awaitScramLogin();
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Map<String, Object> saslSslClient(String password) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", kafka.saslSslBootstrap());
    settings.put("security.protocol", "SASL_SSL");
    settings.put("sasl.mechanism", "SCRAM-SHA-512");
    settings.put("sasl.jaas.config", jaas(USER, password));
    settings.put("ssl.truststore.location", certificates.trustStore().toString());
    settings.put("ssl.truststore.password", ThrowawayCertificates.PASSWORD);
    settings.put("ssl.truststore.type", "PKCS12");
    return settings;
  }

  private static String jaas(String user, String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  // The user exists once the controller committed it; the broker learns it a moment later.
  private static void awaitScramLogin() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (Admin admin = Admin.create(saslSslClient(PASSWORD))) {
        admin.listTopics().names().get(10, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("SCRAM login never succeeded", e);
        }
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
    }
  }

  private CommandLine saslSslCommandLine(Path stateDir, String password) throws Exception {
    Path jaasFile =
        Files.writeString(Files.createTempFile(dir, "jaas", ".conf"), jaas(USER, password));
    Path trustPassword =
        Files.writeString(
            Files.createTempFile(dir, "trust", ".pw"), ThrowawayCertificates.PASSWORD);
    return new CommandLine(
            kafka.saslSslBootstrap(), SharedComponents.registry().ccompatUrl(), stateDir)
        .set("kafka.security.protocol", "SASL_SSL")
        .set("kafka.sasl.mechanism", "SCRAM-SHA-512")
        .set("kafka.sasl.jaas.config.file", jaasFile.toString())
        .set("kafka.ssl.truststore.location", certificates.trustStore().toString())
        .set("kafka.ssl.truststore.password.file", trustPassword.toString())
        .set("kafka.ssl.truststore.type", "PKCS12");
  }

  @Test
  void goodScramCredentialsOverTlsAreAccepted(@TempDir Path stateDir) throws Exception {
    CommandLine cli = saslSslCommandLine(stateDir, PASSWORD);
    String spec = CommandLine.LOCAL_SPEC.toString();
    CommandLine.Result apply = cli.run("topics", "apply", "--topics", spec);
    assertThat(apply.status()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("created " + cli.topic("intent.devices"));
    CommandLine.Result check = cli.run("topics", "check", "--topics", spec);
    assertThat(check.status()).as(check.err()).isZero();
  }

  @Test
  void badScramCredentialsStopStartUpNamingAuthentication(@TempDir Path stateDir) throws Exception {
    CommandLine.Result result = saslSslCommandLine(stateDir, "not-the-password").run("run");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith(
            "plumbline cannot start: Kafka at bootstrap.servers="
                + kafka.saslSslBootstrap()
                + " refused authentication")
        .contains("kafka.sasl.jaas.config")
        .doesNotContain("not-the-password");
  }

  @Test
  void aClientCertificateIsAcceptedOverMutualTls(@TempDir Path stateDir) throws Exception {
    Path clientKeyStore = certificates.keyStore("plumbline-client");
    CommandLine cli =
        new CommandLine(
                kafka.mutualTlsBootstrap(), SharedComponents.registry().ccompatUrl(), stateDir)
            .set("kafka.security.protocol", "SSL")
            .set("kafka.ssl.truststore.location", certificates.trustStore().toString())
            .set("kafka.ssl.truststore.password", ThrowawayCertificates.PASSWORD)
            .set("kafka.ssl.truststore.type", "PKCS12")
            .set("kafka.ssl.keystore.location", clientKeyStore.toString())
            .set("kafka.ssl.keystore.password", ThrowawayCertificates.PASSWORD)
            .set("kafka.ssl.key.password", ThrowawayCertificates.PASSWORD)
            .set("kafka.ssl.keystore.type", "PKCS12");
    CommandLine.Result apply =
        cli.run("topics", "apply", "--topics", CommandLine.LOCAL_SPEC.toString());
    assertThat(apply.status()).as(apply.err()).isZero();
  }

  @Test
  void noClientCertificateFailsTheTlsHandshakeClearly(@TempDir Path stateDir) {
    CommandLine.Result result =
        new CommandLine(
                kafka.mutualTlsBootstrap(), SharedComponents.registry().ccompatUrl(), stateDir)
            .set("kafka.security.protocol", "SSL")
            .set("kafka.ssl.truststore.location", certificates.trustStore().toString())
            .set("kafka.ssl.truststore.password", ThrowawayCertificates.PASSWORD)
            .set("kafka.ssl.truststore.type", "PKCS12")
            .run("run");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .asString()
        .contains("failed the TLS handshake")
        .contains("kafka.ssl.keystore.location");
  }
}
