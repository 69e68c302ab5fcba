package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline ingest telegraf --print}: JSON lines out, errors and counters on stderr. */
class IngestTelegrafPrintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsReadingsAndDeadLettersAsJsonLinesAndCountersOnStandardError(@TempDir Path dir)
      throws Exception {
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.json"),
            "{\"rules\":[{\"measurement\":\"pdu_total\",\"tags\":{\"feed\":\"*\"},"
                + "\"feed\":\"{feed}\",\"fields\":{\"power\":{\"reading\":\"total\"}}}]}");
    Path metrics =
        Files.writeString(
            dir.resolve("metrics.jsonl"),
            "{\"fields\":{\"power\":8720},\"name\":\"pdu_total\",\"tags\":{\"feed\":\"301\"},"
                + "\"timestamp\":1772446530}\nnot json\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        Plumbline.run(
            new String[] {
              "ingest",
              "telegraf",
              "--print",
              "--mapping",
              mapping.toString(),
              "--file",
              metrics.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).path("topic").asText()).isEqualTo("plumbline.telemetry.power");
    assertThat(lines.get(0).path("key").asText()).isEqualTo("301");
    assertThat(lines.get(0).path("value").path("totalPowerWatts").asDouble()).isEqualTo(8720.0);
    assertThat(lines.get(0).path("value").path("measuredAt").asText())
        .isEqualTo("2026-03-02T10:15:30Z");
    assertThat(lines.get(1).path("deadLetter").path("location").asText())
        .isEqualTo("metrics.jsonl:2");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("telegraf metrics.jsonl:2: rejected: not JSON")
        .contains("telegraf published 1")
        .contains("telegraf read 2")
        .contains("telegraf rejected 1");
    assertThat(status).isEqualTo(1);
  }
}
