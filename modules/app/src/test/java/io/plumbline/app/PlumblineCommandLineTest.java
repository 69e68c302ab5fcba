package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlumblineCommandLineTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Plumbline.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsage() {
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("run --config FILE", "demo");
  }

  @Test
  void unknownCommandIsRefused() {
    assertThat(run("reconcile")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: reconcile");
  }

  @Test
  void badConfigurationStopsStartUpNamingTheSetting(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "bootstrap.servers=127.0.0.1:9092\nschema.registry.url=nope\n");
    assertThat(run("run", "--config", file.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("configuration error")
        .contains("schema.registry.url");
  }

  @Test
  void missingConfigFileIsNamed() {
    assertThat(run("run", "--config", "/nonexistent/plumbline.properties")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("/nonexistent/plumbline.properties");
  }

  @Test
  void ingestWithoutAKnownSourceNamesTheSources() {
    assertThat(run("ingest", "nosuchsource")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("ingest needs a source");
  }
}
