package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlumblineConfigTest {

  private static final Map<String, String> MINIMAL =
      Map.of(
          "bootstrap.servers", "127.0.0.1:9092",
          "schema.registry.url", "http://127.0.0.1:8081");

  @Test
  void defaultsAreExactlyOnceAndDefaultTopicNames() {
    PlumblineConfig config = PlumblineConfig.of(MINIMAL);
    assertThat(config.get(PlumblineConfig.PROCESSING_GUARANTEE)).isEqualTo("exactly_once_v2");
    assertThat(config.applicationId()).isEqualTo("plumbline");
    assertThat(config.topics().discrepancies()).isEqualTo("plumbline.discrepancies");
  }

  @Test
  void missingRequiredSettingIsNamed() {
    assertThatThrownBy(() -> PlumblineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:9092")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void unknownSettingIsNamed() {
    var settings = new java.util.HashMap<>(MINIMAL);
    settings.put("procesing.guarantee", "exactly_once_v2");
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("procesing.guarantee");
  }

  @Test
  void badValuesAreNamed() {
    var settings = new java.util.HashMap<>(MINIMAL);
    settings.put("processing.guarantee", "exactly_once");
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .hasMessageContaining("processing.guarantee");
    settings.put("processing.guarantee", "at_least_once");
    settings.put("topic.discrepancies", "bad topic name");
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .hasMessageContaining("topic.discrepancies");
    settings.remove("topic.discrepancies");
    settings.put("schema.registry.url", "127.0.0.1:8081");
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("plumbline.properties");
    Properties props = new Properties();
    props.putAll(MINIMAL);
    props.put("application.id", "from-file");
    props.put("topic.discrepancies", "file.discrepancies");
    props.put("streams.num.stream.threads", "1");
    try (var out = Files.newOutputStream(file)) {
      props.store(out, null);
    }
    PlumblineConfig config =
        PlumblineConfig.load(
            file,
            Map.of("PLUMBLINE_APPLICATION_ID", "from-env", "HOME", "/root"),
            Map.of("topic.discrepancies", "flag.discrepancies"));
    assertThat(config.applicationId()).isEqualTo("from-env");
    assertThat(config.topics().discrepancies()).isEqualTo("flag.discrepancies");
    assertThat(config.streamsOverrides()).containsEntry("num.stream.threads", "1");
  }

  @Test
  void streamsSettingsAreExactlyOnceWithDeadLetters() {
    var props = StreamsSettings.from(PlumblineConfig.of(MINIMAL));
    assertThat(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo("exactly_once_v2");
    assertThat(props.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG))
        .isEqualTo("plumbline.dead-letters");
    assertThat(props.get(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(DeadLetterPolicy.class.getName());
    assertThat(props.get(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(InvalidInputPolicy.class.getName());
  }

  @Test
  void maxFutureSkewDefaultsToAnHourAndABadOneIsNamed() {
    assertThat(PlumblineConfig.of(MINIMAL).topologyConfig().validation().maxFutureSkew())
        .isEqualTo(java.time.Duration.ofHours(1));
    assertThat(
            PlumblineConfig.of(with("validation.max-future-skew", "PT5M"))
                .topologyConfig()
                .validation()
                .maxFutureSkew())
        .isEqualTo(java.time.Duration.ofMinutes(5));
    assertThatThrownBy(() -> PlumblineConfig.of(with("validation.max-future-skew", "1 hour")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("validation.max-future-skew");
    assertThatThrownBy(() -> PlumblineConfig.of(with("validation.max-future-skew", "-PT1H")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("validation.max-future-skew");
  }

  @Test
  void registrySettingsCarryOnlyRegistryKeys() {
    var settings = new java.util.HashMap<>(MINIMAL);
    settings.put("basic.auth.credentials.source", "USER_INFO");
    settings.put("basic.auth.user.info", "ops:secret");
    assertThat(PlumblineConfig.of(settings).registrySettings())
        .containsEntry("basic.auth.user.info", "ops:secret")
        .containsEntry("schema.registry.url", "http://127.0.0.1:8081")
        .doesNotContainKey("bootstrap.servers");
  }

  @Test
  void httpDefaultsAndValidation() {
    PlumblineConfig config = PlumblineConfig.of(MINIMAL);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(config.httpAuthToken()).isNull();
    assertThat(config.applicationServer(8080)).isNull();

    assertThatThrownBy(() -> PlumblineConfig.of(with("http.port", "80x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.port");
    assertThatThrownBy(() -> PlumblineConfig.of(with("http.port", "70000")))
        .hasMessageContaining("http.port");
    assertThatThrownBy(() -> PlumblineConfig.of(with("application.server", "nohost")))
        .hasMessageContaining("application.server");
    assertThatThrownBy(() -> PlumblineConfig.of(with("http.auth.reads", "true")))
        .hasMessageContaining("http.auth.reads");
  }

  @Test
  void applicationServerPortZeroMeansTheBoundPort() {
    PlumblineConfig config = PlumblineConfig.of(with("application.server", "127.0.0.1:0"));
    assertThat(config.applicationServer(40123).port()).isEqualTo(40123);
    assertThat(config.applicationServer(40123).host()).isEqualTo("127.0.0.1");
  }

  @Test
  void theTokenComesFromItsFileAndNeverFromAMessage(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "  t0ken-from-file\n");
    PlumblineConfig config = PlumblineConfig.of(with("http.auth.token.file", file.toString()));
    assertThat(config.httpAuthToken()).isEqualTo("t0ken-from-file");

    Path empty = dir.resolve("empty");
    Files.writeString(empty, "\n");
    assertThatThrownBy(() -> PlumblineConfig.of(with("http.auth.token.file", empty.toString())))
        .hasMessageContaining("http.auth.token.file")
        .hasMessageContaining("empty");
    Map<String, String> both = new java.util.HashMap<>(with("http.auth.token", "s3cret"));
    both.put("http.auth.token.file", file.toString());
    assertThatThrownBy(() -> PlumblineConfig.of(both))
        .hasMessageContaining("not both")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
  }

  private static Map<String, String> with(String key, String value) {
    Map<String, String> settings = new java.util.HashMap<>(MINIMAL);
    settings.put(key, value);
    return settings;
  }
}
