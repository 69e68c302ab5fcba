package io.plumbline.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.ingest.KafkaSink;
import io.plumbline.ingest.telegraf.TelegrafSource;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegraf JSON on a real topic becomes power readings; a bad line goes to the dead letters. */
class TelegrafIngestIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void telegrafJsonOnATopicBecomesReadingsAndABadLineIsDeadLettered() throws Exception {
    IngestTopics it =
        new IngestTopics(SharedComponents.kafka(), SharedComponents.registry(), "telegraf");
    String input = "telegraf-metrics-" + it.run;
    it.kafka.createTopics(List.of(new NewTopic(input, 1, (short) 1)));
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.json"),
            "{\"rules\":[{\"measurement\":\"pdu_total\",\"tags\":{\"feed\":\"*\"},"
                + "\"feed\":\"{feed}\",\"fields\":{\"power\":{\"reading\":\"total\"}}}]}");
    try (KafkaProducer<String, String> telegraf =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, it.kafka.bootstrapServers()),
            new StringSerializer(),
            new StringSerializer())) {
      telegraf.send(
          new ProducerRecord<>(
              input,
              "{\"fields\":{\"power\":8720},\"name\":\"pdu_total\","
                  + "\"tags\":{\"agent_host\":\"pdu-r14-a\",\"feed\":\"301\"},\"timestamp\":1772446530}"));
      telegraf.send(new ProducerRecord<>(input, "{\"fields\":{\"power\":"));
      telegraf.flush();
    }

    TelegrafSource source =
        TelegrafSource.fromArguments(
            List.of("--mapping", mapping.toString(), "--topic", input, "--group", "it-" + it.run));
    IngestCounters counters = IngestCounters.inMemory();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    try (KafkaSink sink = it.sink("telegraf")) {
      source.run(
          new IngestContext(
              sink,
              it.topics,
              counters,
              new PrintStream(progress, true, StandardCharsets.UTF_8),
              true,
              it.clientSettings()));
    }

    try (TopicReader<PowerReading> power =
            new TopicReader<>(it.kafka.bootstrapServers(), it.topics.powerReadings(), it.values());
        TopicReader<byte[]> dead =
            new TopicReader<>(
                it.kafka.bootstrapServers(),
                it.topics.deadLetters(),
                new ByteArrayDeserializer())) {
      ConsumerRecord<String, PowerReading> reading =
          power.awaitUntil(seen -> !seen.isEmpty(), TIMEOUT, "the PDU total").get(0);
      assertThat(reading.key()).isEqualTo("301");
      assertThat(reading.value().getTotalPowerWatts()).isEqualTo(8720.0);
      assertThat(reading.value().getSourceId()).isEqualTo("pdu-r14-a");

      ConsumerRecord<String, byte[]> letter =
          dead.awaitUntil(seen -> !seen.isEmpty(), TIMEOUT, "the bad line").get(0);
      assertThat(new String(letter.value(), StandardCharsets.UTF_8))
          .isEqualTo("{\"fields\":{\"power\":");
      assertThat(header(letter, KafkaSink.REASON_HEADER)).startsWith("not JSON: ");
      assertThat(header(letter, KafkaSink.SOURCE_HEADER)).isEqualTo("telegraf");
      assertThat(header(letter, KafkaSink.LOCATION_HEADER)).isEqualTo(input + "-0@1");
    }
    assertThat(counters.get("telegraf", Outcome.READ)).isEqualTo(2);
    assertThat(counters.get("telegraf", Outcome.PUBLISHED)).isEqualTo(1);
    assertThat(counters.get("telegraf", Outcome.REJECTED)).isEqualTo(1);
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
