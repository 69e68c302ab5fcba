package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

  private static final String FETCH_WAIT =
      StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);

  private static Properties streams(Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(extra);
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9092");
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, "mock://streams-settings");
    return StreamsSettings.from(PlumblineConfig.of(settings));
  }

  /** What the Streams consumers end up with, as Kafka Streams resolves the prefixes. */
  private static Object consumerFetchWait(Properties props) {
    return new StreamsConfig(props)
        .getMainConsumerConfigs("group", "client", 0)
        .get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
  }

  @Test
  void streamsConsumersFetchWithAShortWaitByDefault() {
    Properties props = streams(Map.of());
    assertThat(props.get(FETCH_WAIT)).isEqualTo(StreamsSettings.FETCH_MAX_WAIT_MS);
    assertThat(consumerFetchWait(props)).hasToString("10");
  }

  @Test
  void theFetchWaitStaysConfigurable() {
    assertThat(consumerFetchWait(streams(Map.of("kafka.fetch.max.wait.ms", "300"))))
        .hasToString("300");
    assertThat(consumerFetchWait(streams(Map.of("streams.consumer.fetch.max.wait.ms", "250"))))
        .hasToString("250");
  }

  @Test
  void ownOutputFailuresAreNeverDeadLettered() {
    assertThat(streams(Map.of()).get(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG))
        .isEqualTo(OutputFailurePolicy.class.getName());
  }
}
