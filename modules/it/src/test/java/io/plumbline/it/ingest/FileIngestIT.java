package io.plumbline.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.KafkaSink;
import io.plumbline.ingest.files.FileSource;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.TopicReader;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code ingest po} against the real broker and registry: good rows land in one transaction, a bad
 * row lands on the dead-letter topic with its file:line and reason in headers, and a batch that
 * aborts leaves nothing visible to a read_committed reader.
 */
class FileIngestIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void goodRowsArePublishedBadRowsDeadLetteredAndAnAbortedFileLeavesNothing() throws Exception {
    EmbeddedKafka kafka = SharedComponents.kafka();
    ApicurioRegistry registry = SharedComponents.registry();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, registry.ccompatUrl());
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineTopics topics = config.topics();
    kafka.createTopics(TopicLayout.newTopics(topics, 2, (short) 1));

    Path file = Files.createTempDirectory("it-po-").resolve("orders.csv");
    Files.writeString(
        file,
        "po_number,line,vendor,part_number,quantity,expected_date,ship_to_site_id\n"
            + "4500123,1,Acme,965-24387-0002-000,4,2026-12-01,3\n"
            + "4500123,2,Acme,965-24387-0002-000,-1,2026-12-01,3\n"
            + "4500123,3,Acme,MCP4Y10-N002,512,2026-12-05,3\n");
    Map<String, Object> producer =
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int status;
    try (KafkaSink sink =
        new KafkaSink(
            producer, config.registrySettings(), "it-ingest-" + run, topics.deadLetters())) {
      IngestContext context =
          new IngestContext(
              sink,
              topics,
              IngestCounters.inMemory(),
              new PrintStream(log, true, StandardCharsets.UTF_8),
              true);
      status = FileSource.purchaseOrders(List.of("--file", file.toString())).run(context);

      // A file whose publication fails half-way is aborted: nothing of it may be read.
      sink.beginBatch();
      sink.send(
          topics.purchaseOrders(),
          "9999999/1",
          PurchaseOrderLine.newBuilder()
              .setPoNumber("9999999")
              .setLine(1)
              .setVendor("Aborted")
              .setPartNumber("X")
              .setQuantity(1)
              .setShipToSiteId("3")
              .build());
      sink.abortBatch();
      // A last committed file after the aborted one, so the reader knows it has read past it.
      sink.send(
          topics.purchaseOrders(),
          "4500200/1",
          PurchaseOrderLine.newBuilder()
              .setPoNumber("4500200")
              .setLine(1)
              .setVendor("Acme")
              .setPartNumber("X")
              .setQuantity(1)
              .setShipToSiteId("3")
              .build());
    }
    assertThat(status).isEqualTo(1);
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(file + ":3: column quantity = -1 is below 0");

    SpecificAvroDeserializer<PurchaseOrderLine> values = new SpecificAvroDeserializer<>();
    values.configure(config.registrySettings(), false);
    try (TopicReader<PurchaseOrderLine> orders =
            new TopicReader<>(kafka.bootstrapServers(), topics.purchaseOrders(), values);
        TopicReader<byte[]> deadLetters =
            new TopicReader<>(
                kafka.bootstrapServers(), topics.deadLetters(), new ByteArrayDeserializer())) {
      List<ConsumerRecord<String, PurchaseOrderLine>> read =
          orders.awaitUntil(
              seen -> seen.stream().anyMatch(r -> r.key().equals("4500200/1")),
              TIMEOUT,
              "the purchase orders");
      assertThat(read)
          .extracting(ConsumerRecord::key)
          .containsExactlyInAnyOrder("4500123/1", "4500123/3", "4500200/1");
      assertThat(read.stream().filter(r -> r.key().equals("4500123/3")).findFirst().orElseThrow())
          .satisfies(r -> assertThat(r.value().getQuantity()).isEqualTo(512));

      ConsumerRecord<String, byte[]> dead =
          deadLetters.awaitUntil(seen -> !seen.isEmpty(), TIMEOUT, "the dead letter").get(0);
      assertThat(header(dead, KafkaSink.LOCATION_HEADER)).isEqualTo("orders.csv:3");
      assertThat(header(dead, KafkaSink.SOURCE_HEADER)).isEqualTo("po");
      assertThat(header(dead, KafkaSink.REASON_HEADER))
          .isEqualTo("column quantity = -1 is below 0");
      assertThat(new String(dead.value(), StandardCharsets.UTF_8))
          .isEqualTo("4500123,2,Acme,965-24387-0002-000,-1,2026-12-01,3");
    }
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
