package io.plumbline.it.ops;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool found on {@code PATH} (promtool, amtool, prometheus), run to completion with
 * standard output and error captured together.
 */
final class ExternalTool {

  /** How a run ended: the exit code and everything it printed. */
  record Run(int exitCode, String output) {}

  private final Path executable;

  private ExternalTool(Path executable) {
    this.executable = executable;
  }

  /** The tool, when an executable of that name is on {@code PATH}. */
  static Optional<ExternalTool> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new ExternalTool(candidate));
      }
    }
    return Optional.empty();
  }

  Path executable() {
    return executable;
  }

  /** Runs the tool with these arguments in {@code workDir}; kills it after {@code timeout}. */
  Run run(Path workDir, Duration timeout, List<String> arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    // Read on another thread so a chatty tool cannot block on a full pipe before it exits.
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (InputStream in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
              }
            },
            executable.getFileName() + "-output");
    reader.start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      reader.join();
      return new Run(-1, output + "\n(killed after " + timeout + ")");
    }
    reader.join();
    return new Run(process.exitValue(), output.toString());
  }
}
