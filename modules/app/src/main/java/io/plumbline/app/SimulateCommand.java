package io.plumbline.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.serde.AvroJson;
import io.plumbline.simulator.ExpectedTransition;
import io.plumbline.simulator.GroundTruth;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.simulator.SiteSpec;
import io.plumbline.simulator.TopicRole;
import io.plumbline.simulator.kafka.SimulationPublisher;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import io.plumbline.topology.PlumblineTopics;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plumbline simulate}: a simulated site (see the simulator module) written as JSON lines
 * ({@code --print}) or produced to Kafka ({@code --config}), and its ground truth to a file.
 */
final class SimulateCommand implements Command {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String usage() {
    return String.join(
        "\n",
        "simulate [--scalable-units N] [--nodes-per-unit N] [--feed-amps A] [--seed S]",
        "         [--faults RATE] [--start ISO-INSTANT] [--truth FILE]",
        "         (--print | --config FILE [--set k=v] [--wait-for-reconciler])",
        "                                            a simulated site with faults; its ground",
        "                                            truth as JSON lines in --truth FILE");
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    List<String> rest = new ArrayList<>(args);
    boolean print = rest.remove("--print");
    boolean waitForReconciler = rest.remove("--wait-for-reconciler");
    ConfigArguments config = ConfigArguments.parse(rest);
    SiteSpec spec = SiteSpec.defaults(Instant.now());
    Path truthFile = null;
    List<String> options = config.rest();
    for (int i = 0; i < options.size(); i++) {
      String option = options.get(i);
      if (i + 1 >= options.size()) {
        throw new IllegalArgumentException("simulate: " + option + " needs a value");
      }
      String value = options.get(++i);
      switch (option) {
        case "--scalable-units" -> spec = spec.withScalableUnits(integer(option, value));
        case "--nodes-per-unit" -> spec = spec.withNodesPerScalableUnit(integer(option, value));
        case "--feed-amps" -> spec = spec.withFeed(spec.feedVolts(), number(option, value), true);
        case "--seed" -> spec = spec.withSeed(integer(option, value));
        case "--faults" -> spec = spec.withFaultRate(number(option, value));
        case "--start" -> spec = spec.withStart(instant(value));
        case "--truth" -> truthFile = Path.of(value);
        default -> throw new IllegalArgumentException("simulate: unknown option " + option);
      }
    }
    if (print && config.file() != null) {
      throw new IllegalArgumentException("simulate: --print and --config exclude each other");
    }
    if (!print && config.file() == null && config.flags().isEmpty()) {
      throw new IllegalArgumentException("simulate needs --print or --config FILE");
    }
    SiteSimulator simulator = new SiteSimulator(spec);
    if (truthFile != null) {
      writeTruth(simulator, truthFile);
    }
    if (print) {
      PlumblineTopics topics = PlumblineTopics.from(config.flags());
      simulator.play(event -> out.println(line(event, topics)));
      out.flush();
    } else {
      publish(simulator, config.load(), waitForReconciler, err);
    }
    err.printf(
        "simulated %d nodes (%d GPUs) in %d racks, %d faults, %d expected transitions%n",
        simulator.layout().nodes(),
        simulator.layout().gpus(),
        simulator.layout().racks(),
        simulator.faults().faults().size(),
        simulator.truth().transitions().size());
    return 0;
  }

  private static void publish(
      SiteSimulator simulator, PlumblineConfig config, boolean wait, PrintStream err)
      throws Exception {
    List<String> inputs = TopicRole.reconcilerInputs(config.topics());
    try (SimulationPublisher publisher =
            new SimulationPublisher(
                config.bootstrapServers(), config.registrySettings(), config.topics());
        StreamsQuiescence quiescence =
            new StreamsQuiescence(config.bootstrapServers(), config.applicationId(), inputs)) {
      publisher.publish(
          simulator,
          (phase, count) -> {
            err.printf("  %-12s %,d records%n", phase, count);
            if (wait) {
              quiescence.await(Duration.ofMinutes(5));
            }
          });
    }
  }

  static String line(SimEvent event, PlumblineTopics topics) {
    ObjectNode line = JSON.createObjectNode();
    line.put("phase", event.phase().name());
    line.put("topic", event.role().topic(topics));
    line.put("timestamp", Instant.ofEpochMilli(event.timestamp()).toString());
    line.put("key", event.key());
    line.set("value", event.value() == null ? JSON.nullNode() : AvroJson.toJson(event.value()));
    return line.toString();
  }

  private static void writeTruth(SiteSimulator simulator, Path file) throws IOException {
    GroundTruth truth = simulator.truth();
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (ExpectedTransition t : truth.transitions()) {
        ObjectNode line = JSON.createObjectNode();
        line.put("type", t.type().name());
        line.put("subjectId", t.subjectId());
        line.put("state", t.state().name());
        writer.write(line.toString());
        writer.newLine();
      }
      for (int node = 0; node < truth.layout().nodes(); node++) {
        ObjectNode line = JSON.createObjectNode();
        line.put("deviceId", truth.layout().nodeId(node));
        line.put("stage", truth.finalStage(node).name());
        writer.write(line.toString());
        writer.newLine();
      }
    }
  }

  private static int integer(String option, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("simulate: " + option + " needs a whole number");
    }
  }

  private static double number(String option, String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("simulate: " + option + " needs a number");
    }
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "simulate: --start needs an instant like 2026-01-01T00:00:00Z");
    }
  }
}
