package io.plumbline.app;

import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs {@code plumbline <command>} in this JVM as a user would from a shell, capturing what it
 * prints and its exit status. Lives in the app's package because {@link Plumbline#run} is the
 * command line's entry point below {@code main}, which would exit the JVM.
 *
 * <p>Each instance has its own topic names ({@code topic.<role>} settings under a unique prefix)
 * and application id, so tests share the broker but nothing else.
 */
final class CommandLine {

  /** The single-broker topic layout shipped in the repository. */
  static final Path LOCAL_SPEC = Path.of("..", "..", "ops", "topics", "local.yaml");

  final String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> settings = new ArrayList<>();

  /** The exit status and what the command printed. */
  record Result(int status, String out, String err) {}

  CommandLine(String bootstrapServers, String registryUrl, Path stateDir) {
    set("bootstrap.servers", bootstrapServers);
    set("schema.registry.url", registryUrl);
    set("application.id", prefix);
    set("state.dir", stateDir.toString());
    PlumblineTopics.defaultNames().keySet().forEach(role -> set("topic." + role, topic(role)));
  }

  /** The topic name this instance uses for a role. */
  String topic(String role) {
    return prefix + "." + role;
  }

  /** This instance's settings as Plumbline reads them. */
  PlumblineConfig config() {
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < settings.size(); i += 2) {
      String setting = settings.get(i);
      int eq = setting.indexOf('=');
      values.put(setting.substring(0, eq), setting.substring(eq + 1));
    }
    return PlumblineConfig.of(values);
  }

  CommandLine set(String key, String value) {
    settings.add("--set");
    settings.add(key + "=" + value);
    return this;
  }

  /** Runs {@code plumbline <command args...>} followed by this instance's settings. */
  Result run(String... commandArgs) {
    List<String> args = new ArrayList<>(List.of(commandArgs));
    args.addAll(settings);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Plumbline.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
