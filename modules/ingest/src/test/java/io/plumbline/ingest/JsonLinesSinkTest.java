package io.plumbline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Receipt;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesSinkTest {

  @Test
  void printsOneReadableJsonLinePerRecord() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Receipt receipt =
        Receipt.newBuilder()
            .setReceiptId("R-1")
            .setPoNumber("PO-7")
            .setPoLine(1)
            .setScannedPartNumber("965-24387-0002-000")
            .setSerialNumbers(java.util.List.of("SN1", "SN2"))
            .setQuantity(2)
            .setReceivedAt(Instant.parse("2026-11-01T10:15:30Z"))
            .build();
    try (JsonLinesSink sink =
        new JsonLinesSink(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      sink.send("plumbline.supply.receipts", "R-1", receipt);
      sink.send("plumbline.supply.receipts", "R-2", null);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0])
        .startsWith("{\"topic\":\"plumbline.supply.receipts\",\"key\":\"R-1\",\"value\":{")
        .contains(
            "\"receivedAt\":\"2026-11-01T10:15:30Z\"",
            "\"serialNumbers\":[\"SN1\",\"SN2\"]",
            "\"siteId\":null",
            "\"condition\":\"GOOD\"");
    assertThat(lines[1]).endsWith("\"value\":null}");
  }
}
