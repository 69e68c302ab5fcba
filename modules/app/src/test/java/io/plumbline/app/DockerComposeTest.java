package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid compose and wired correctly: validated against the Compose
 * Specification's JSON schema (vendored in test resources with its licence), then checked for what
 * the schema cannot see: every service it depends on exists, every mounted or built path exists in
 * the repository, Plumbline's mounted settings and topic layout load, and Prometheus scrapes a
 * service of the stack. Where a compose tool is installed, {@code docker compose config -q} runs
 * too.
 */
class DockerComposeTest {

  private static final Path ROOT = Path.of("..", "..").toAbsolutePath().normalize();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode compose() throws IOException {
    return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
  }

  private static List<String> schemaErrors(JsonNode document) throws IOException {
    try (InputStream schemaText =
        DockerComposeTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
      // The specification's schema declares draft 2019-09 but still marks its definitions with
      // draft-4 "id" annotations; they carry no constraint.
      Dialect dialect =
          Dialect.builder(Dialects.getDraft201909())
              .keyword(new NonValidationKeyword("id"))
              .build();
      Schema schema = SchemaRegistry.withDefaultDialect(dialect).getSchema(schemaText);
      return schema.validate(document).stream().map(Error::toString).toList();
    }
  }

  @Test
  void composeFileMatchesTheComposeSpecification() throws IOException {
    assertThat(schemaErrors(compose())).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesAMisspelledKey() throws IOException {
    JsonNode broken =
        YAML.readTree(
            Files.readString(ROOT.resolve("docker-compose.yml"))
                .replace("    depends_on:\n      kafka:", "    depend_on:\n      kafka:"));
    assertThat(schemaErrors(broken)).isNotEmpty().anyMatch(e -> e.contains("depend_on"));
  }

  @Test
  void everyDependencyIsAServiceOfTheStack() throws IOException {
    JsonNode services = compose().path("services");
    Set<String> names = new HashSet<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .contains(
            "kafka",
            "schema-registry",
            "topics-init",
            "plumbline",
            "prometheus",
            "alertmanager",
            "grafana");
    for (String name : names) {
      JsonNode dependsOn = services.path(name).path("depends_on");
      List<String> targets = new ArrayList<>();
      if (dependsOn.isArray()) {
        dependsOn.forEach(d -> targets.add(d.asText()));
      } else {
        dependsOn.fieldNames().forEachRemaining(targets::add);
      }
      assertThat(names).as(name + " depends_on").containsAll(targets);
    }
  }

  @Test
  void everyMountedAndBuiltPathExistsInTheRepository() throws IOException {
    JsonNode services = compose().path("services");
    Set<String> builtImages = new HashSet<>();
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      JsonNode build = service.getValue().path("build");
      if (!build.isMissingNode()) {
        Path context = ROOT.resolve(build.path("context").asText("."));
        assertThat(context).as(service.getKey() + " build context").isDirectory();
        assertThat(context.resolve(build.path("dockerfile").asText("Dockerfile")))
            .as(service.getKey() + " Dockerfile")
            .isRegularFile();
        builtImages.add(service.getValue().path("image").asText());
      }
      for (JsonNode volume : service.getValue().path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith("./")) {
          assertThat(ROOT.resolve(source)).as(service.getKey() + " mounts " + source).exists();
        }
      }
    }
    // A service that runs the Plumbline image without building it relies on another service
    // building it.
    for (Map.Entry<String, JsonNode> service : services.properties()) {
      String image = service.getValue().path("image").asText();
      if (image.startsWith("plumbline:")) {
        assertThat(builtImages).as(service.getKey() + " image").contains(image);
      }
    }
  }

  @Test
  void theDockerfileCopiesOnlyWhatExists() throws IOException {
    for (String line : Files.readAllLines(ROOT.resolve("Dockerfile"))) {
      if (line.startsWith("COPY ") && !line.contains("--from=")) {
        String[] parts = line.substring("COPY ".length()).trim().split("\\s+");
        for (int i = 0; i < parts.length - 1; i++) {
          assertThat(ROOT.resolve(parts[i])).as("Dockerfile: " + line).exists();
        }
      }
    }
  }

  @Test
  void plumblinesMountedSettingsAndTopicLayoutLoad() throws IOException {
    PlumblineConfig config =
        PlumblineConfig.load(ROOT.resolve("ops/docker/plumbline.properties"), Map.of(), Map.of());
    assertThat(config.bootstrapServers()).isEqualTo("kafka:19092");
    JsonNode command = compose().path("services").path("topics-init").path("command");
    List<String> args = new ArrayList<>();
    command.forEach(a -> args.add(a.asText()));
    assertThat(args).startsWith("topics", "apply");
    String spec = args.get(args.indexOf("--topics") + 1);
    assertThat(TopicSpec.load(ROOT.resolve(spec)).byRole()).isNotEmpty();
  }

  @Test
  void prometheusScrapesServicesOfTheStack() throws IOException {
    JsonNode prometheus = YAML.readTree(ROOT.resolve("ops/prometheus/prometheus.yml").toFile());
    Set<String> services = new HashSet<>();
    compose().path("services").fieldNames().forEachRemaining(services::add);
    services.add("localhost");
    List<String> targets = new ArrayList<>();
    prometheus
        .path("scrape_configs")
        .forEach(
            job ->
                job.path("static_configs")
                    .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText()))));
    prometheus
        .path("alerting")
        .path("alertmanagers")
        .forEach(
            a ->
                a.path("static_configs")
                    .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText()))));
    assertThat(targets).contains("plumbline:8080", "alertmanager:9093");
    targets.forEach(t -> assertThat(services).as(t).contains(t.split(":")[0]));
  }

  @Test
  void composeToolAcceptsTheFileWhereInstalled() throws Exception {
    Assumptions.assumeTrue(composeToolAvailable(), "no docker compose on this machine");
    Process process =
        new ProcessBuilder("docker", "compose", "-f", "docker-compose.yml", "config", "-q")
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static boolean composeToolAvailable() {
    try {
      Process process =
          new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
