package io.plumbline.it.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The monitoring files of this checkout: {@code ops/prometheus}, {@code ops/alertmanager} and
 * {@code ops/grafana}, found from the nearest ancestor of the working directory (the module
 * directory under Maven) that holds {@code ops/prometheus}.
 */
final class OpsFiles {

  private final Path root;

  private OpsFiles(Path root) {
    this.root = root;
  }

  static OpsFiles ofThisCheckout() {
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("ops/prometheus"))) {
        return new OpsFiles(dir);
      }
    }
    throw new IllegalStateException(
        "no ops/prometheus folder above " + System.getProperty("user.dir"));
  }

  Path root() {
    return root;
  }

  Path prometheus() {
    return root.resolve("ops/prometheus");
  }

  List<Path> ruleFiles() {
    return yamlFilesIn(prometheus().resolve("rules"));
  }

  List<Path> ruleTestFiles() {
    return yamlFilesIn(prometheus().resolve("tests"));
  }

  /** The metric names the rules and the dashboard may read, with their meaning. */
  Path metricContract() {
    return prometheus().resolve("plumbline-metrics.txt");
  }

  Path alertmanagerConfig() {
    return root.resolve("ops/alertmanager/alertmanager.yml");
  }

  Path grafana() {
    return root.resolve("ops/grafana");
  }

  List<Path> dashboards() {
    return filesIn(grafana().resolve("dashboards"), ".json");
  }

  private static List<Path> yamlFilesIn(Path dir) {
    return filesIn(dir, ".yml");
  }

  private static List<Path> filesIn(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no *" + suffix + " file in " + dir);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
