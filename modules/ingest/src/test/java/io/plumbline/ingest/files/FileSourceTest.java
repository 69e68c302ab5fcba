package io.plumbline.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.ReceiptCondition;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.RecordingSink;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

  private static final PlumblineTopics TOPICS = PlumblineTopics.defaultTopics();

  @TempDir Path dir;
  private final RecordingSink sink = new RecordingSink();
  private final IngestCounters counters = IngestCounters.inMemory();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final IngestContext context =
      new IngestContext(
          sink, TOPICS, counters, new PrintStream(log, true, StandardCharsets.UTF_8), true);

  @Test
  void goodPurchaseOrderRowsArePublishedInOneBatchAndABadRowIsDeadLettered() throws Exception {
    Path file = dir.resolve("po.csv");
    Files.writeString(
        file,
        "\uFEFFpo_number,line,vendor,manufacturer,part_number,quantity,expected_date,ship_to_site_id,status\r\n"
            + "4500123,1,Acme Systems,NVIDIA,965-24387-0002-000,4,2026-12-01,3,open\r\n"
            + "4500123,2,Acme Systems,NVIDIA,965-24387-0002-000,four,2026-12-01,3,open\r\n"
            + "4500123,3,\"Acme, Inc.\",NVIDIA,\"MCP4Y10-N002\",512,2026-12-05T08:00:00Z,3,\r\n");

    int status = FileSource.purchaseOrders(List.of("--file", file.toString())).run(context);

    assertThat(status).isEqualTo(1);
    assertThat(sink.committed).hasSize(2);
    assertThat(sink.commits).isEqualTo(1);
    RecordingSink.Sent first = sink.committed.get(0);
    assertThat(first.topic()).isEqualTo(TOPICS.purchaseOrders());
    assertThat(first.key()).isEqualTo("4500123/1");
    PurchaseOrderLine line = (PurchaseOrderLine) first.value();
    assertThat(line.getVendor()).isEqualTo("Acme Systems");
    assertThat(line.getManufacturer()).isEqualTo("NVIDIA");
    assertThat(line.getPartNumber()).isEqualTo("965-24387-0002-000");
    assertThat(line.getQuantity()).isEqualTo(4);
    assertThat(line.getExpectedDate()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(line.getShipToSiteId()).isEqualTo("3");
    assertThat(line.getStatus()).isEqualTo("open");
    PurchaseOrderLine third = (PurchaseOrderLine) sink.committed.get(1).value();
    assertThat(third.getVendor()).isEqualTo("Acme, Inc.");
    assertThat(third.getExpectedDate()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));

    assertThat(sink.deadLetters).hasSize(1);
    RecordingSink.Dead dead = sink.deadLetters.get(0);
    assertThat(dead.source()).isEqualTo("po");
    assertThat(dead.location()).isEqualTo("po.csv:3");
    assertThat(dead.reason()).isEqualTo("column quantity = 'four' is not a whole number");
    assertThat(dead.raw()).startsWith("4500123,2,Acme Systems");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains(file + ":3: column quantity = 'four' is not a whole number");
    assertThat(counters.get("po", IngestCounters.Outcome.READ)).isEqualTo(3);
    assertThat(counters.get("po", IngestCounters.Outcome.PUBLISHED)).isEqualTo(2);
    assertThat(counters.get("po", IngestCounters.Outcome.REJECTED)).isEqualTo(1);
  }

  @Test
  void receiptsFromJsonLines() throws Exception {
    Path file = dir.resolve("receipts.jsonl");
    Files.writeString(
        file,
        "{\"receipt_id\": \"RCV-1\", \"po_number\": \"4500123\", \"po_line\": 1,"
            + " \"part_number\": \"965-24387-0002-000\", \"serial_numbers\": [\"SN1\", \"SN2\"],"
            + " \"received_at\": \"2026-11-20T14:05:00Z\", \"site_id\": \"3\", \"condition\": \"damaged\"}\n"
            + "\n"
            + "{\"receipt_id\": \"RCV-2\", \"po_number\": \"4500123\", \"po_line\": 1,"
            + " \"part_number\": \"X\", \"serial_numbers\": \"SN3;SN4\", \"quantity\": 3,"
            + " \"received_at\": \"2026-11-20T14:05:00Z\"}\n"
            + "{\"receipt_id\": \"RCV-3\", \"po_number\": 4500124, \"po_line\": 2,"
            + " \"part_number\": \"X\", \"quantity\": 5, \"received_at\": \"2026-11-21\"}\n"
            + "{not json\n");

    int status = FileSource.receipts(List.of("--file", file.toString())).run(context);

    assertThat(status).isEqualTo(1);
    assertThat(sink.committed)
        .extracting(RecordingSink.Sent::key)
        .containsExactly("RCV-1", "RCV-3");
    Receipt receipt = (Receipt) sink.committed.get(0).value();
    assertThat(receipt.getPoNumber()).isEqualTo("4500123");
    assertThat(receipt.getPoLine()).isEqualTo(1);
    assertThat(receipt.getScannedPartNumber()).isEqualTo("965-24387-0002-000");
    assertThat(receipt.getSerialNumbers()).containsExactly("SN1", "SN2");
    assertThat(receipt.getQuantity()).as("from the serials").isEqualTo(2);
    assertThat(receipt.getReceivedAt()).isEqualTo(Instant.parse("2026-11-20T14:05:00Z"));
    assertThat(receipt.getSiteId()).isEqualTo("3");
    assertThat(receipt.getCondition()).isEqualTo(ReceiptCondition.DAMAGED);
    assertThat(((Receipt) sink.committed.get(1).value()).getPoNumber()).isEqualTo("4500124");
    assertThat(sink.deadLetters)
        .extracting(RecordingSink.Dead::location, RecordingSink.Dead::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "receipts.jsonl:5", sink.deadLetters.get(0).reason()),
            org.assertj.core.groups.Tuple.tuple(
                "receipts.jsonl:3", "column quantity = 3 but 2 serial_numbers are listed"));
    assertThat(sink.deadLetters.get(0).reason()).startsWith("not JSON");
  }

  @Test
  void anUnclosedQuoteAndAShortRowAreReportedWithTheirLine() throws Exception {
    Path file = dir.resolve("po.csv");
    Files.writeString(
        file,
        "po_number,line,vendor,part_number,quantity,ship_to_site_id\n"
            + "1,1,V,P,1\n"
            + "1,2,\"V\nmultiline\",P,1,3\n"
            + "1,3,\"V,P,1,3\n");
    FileSource.purchaseOrders(List.of("--file", file.toString())).run(context);
    assertThat(sink.committed).extracting(RecordingSink.Sent::key).containsExactly("1/2");
    assertThat(sink.deadLetters)
        .extracting(RecordingSink.Dead::location, RecordingSink.Dead::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("po.csv:2", "5 fields, the header has 6"),
            org.assertj.core.groups.Tuple.tuple(
                "po.csv:5", "a quoted field is not closed before the end of the file"));
  }

  @Test
  void anUnknownExtensionOrMissingFileIsAUsageError() throws Exception {
    assertThatThrownBy(
            () -> FileSource.receipts(List.of("--file", dir.resolve("x.csv").toString())))
        .hasMessageContaining("cannot be read");
    Path xlsx = Files.writeString(dir.resolve("po.xlsx"), "x");
    assertThatThrownBy(
            () -> FileSource.purchaseOrders(List.of("--file", xlsx.toString())).run(context))
        .hasMessageContaining("use .csv");
  }
}
