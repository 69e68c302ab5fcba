package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Plumbline.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printWritesEveryEventAsJsonAndTheTruthToItsFile(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.jsonl");
    int status =
        run(
            "simulate",
            "--scalable-units",
            "1",
            "--seed",
            "3",
            "--faults",
            "0.01",
            "--start",
            "2026-11-26T10:00:00Z",
            "--print",
            "--truth",
            truth.toString());
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSizeGreaterThan(2_000);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("phase").asText()).isEqualTo("ORDERS");
    assertThat(first.get("topic").asText()).isEqualTo("plumbline.supply.purchase-orders");
    assertThat(first.get("timestamp").asText()).isEqualTo("2026-11-26T10:00:00Z");
    assertThat(first.get("value").get("poNumber").asText()).isEqualTo("4500001");

    List<String> truthLines = Files.readAllLines(truth);
    assertThat(truthLines)
        .anySatisfy(l -> assertThat(JSON.readTree(l).get("type").asText()).isEqualTo("MISCABLED"));
    assertThat(truthLines.stream().filter(l -> l.contains("\"stage\"")).count()).isEqualTo(32);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("simulated 32 nodes (256 GPUs)");
  }

  @Test
  void badOptionsAreRefusedByName() {
    assertThat(run("simulate", "--print", "--faults", "lots")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--faults needs a number");
    assertThat(run("simulate", "--seed", "1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("needs --print or --config");
  }
}
