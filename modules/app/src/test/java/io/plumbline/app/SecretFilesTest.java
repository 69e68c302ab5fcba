package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

  private static final String JAAS =
      "org.apache.kafka.common.security.scram.ScramLoginModule required"
          + " username=\"plumbline\" password=\"s3cret\";";

  private static Map<String, String> minimal() {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", "127.0.0.1:9092");
    settings.put("schema.registry.url", "http://127.0.0.1:8081");
    return settings;
  }

  @Test
  void secretsAreReadFromFilesAndReachEveryKafkaClient(@TempDir Path dir) throws Exception {
    Path jaas = Files.writeString(dir.resolve("jaas"), JAAS + "\n");
    Path userInfo = Files.writeString(dir.resolve("registry"), "svc:pw\n");
    Map<String, String> settings = minimal();
    settings.put("kafka.security.protocol", "SASL_SSL");
    settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
    settings.put("kafka.sasl.jaas.config.file", jaas.toString());
    settings.put("basic.auth.user.info.file", userInfo.toString());
    PlumblineConfig config = PlumblineConfig.of(settings);

    assertThat(config.kafkaClientSettings())
        .containsEntry("sasl.jaas.config", JAAS)
        .containsEntry("security.protocol", "SASL_SSL");
    assertThat(config.adminSettings()).containsEntry("sasl.jaas.config", JAAS);
    assertThat(config.registrySettings()).containsEntry("basic.auth.user.info", "svc:pw");
    var streams = StreamsSettings.from(config);
    assertThat(streams.get("sasl.jaas.config")).isEqualTo(JAAS);
    assertThat(streams.get(StreamsConfig.SECURITY_PROTOCOL_CONFIG)).isEqualTo("SASL_SSL");
  }

  @Test
  void streamsPrefixWinsOverKafkaPrefixForStreams() {
    Map<String, String> settings = minimal();
    settings.put("kafka.client.id", "shared");
    settings.put("streams.client.id", "streams-only");
    assertThat(StreamsSettings.from(PlumblineConfig.of(settings)).get("client.id"))
        .isEqualTo("streams-only");
  }

  @Test
  void secretsAreMaskedInEveryDump() {
    Map<String, String> settings = minimal();
    settings.put("kafka.sasl.jaas.config", JAAS);
    settings.put("kafka.ssl.keystore.password", "ks-pass");
    settings.put("basic.auth.user.info", "svc:pw");
    PlumblineConfig config = PlumblineConfig.of(settings);
    assertThat(config.masked())
        .containsEntry("kafka.sasl.jaas.config", SecretFiles.MASK)
        .containsEntry("kafka.ssl.keystore.password", SecretFiles.MASK)
        .containsEntry("basic.auth.user.info", SecretFiles.MASK)
        .containsEntry("bootstrap.servers", "127.0.0.1:9092");
    assertThat(config.toString()).doesNotContain("s3cret", "ks-pass", "svc:pw");
  }

  @Test
  void anUnreadableSecretFileIsNamed(@TempDir Path dir) {
    Map<String, String> settings = minimal();
    settings.put("kafka.sasl.jaas.config.file", dir.resolve("absent").toString());
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.sasl.jaas.config.file");
  }

  @Test
  void aSecretAndItsFileTogetherAreRefused(@TempDir Path dir) throws Exception {
    Map<String, String> settings = minimal();
    settings.put("kafka.sasl.jaas.config", JAAS);
    settings.put(
        "kafka.sasl.jaas.config.file", Files.writeString(dir.resolve("j"), JAAS).toString());
    assertThatThrownBy(() -> PlumblineConfig.of(settings)).hasMessageContaining("not both");
  }

  @Test
  void secretsComeFromTheEnvironmentToo() {
    PlumblineConfig config =
        PlumblineConfig.load(
            null,
            Map.of(
                "PLUMBLINE_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
                "PLUMBLINE_SCHEMA_REGISTRY_URL", "http://127.0.0.1:8081",
                "PLUMBLINE_KAFKA_SASL_JAAS_CONFIG", JAAS),
            Map.of());
    assertThat(config.kafkaClientSettings()).containsEntry("sasl.jaas.config", JAAS);
  }
}
