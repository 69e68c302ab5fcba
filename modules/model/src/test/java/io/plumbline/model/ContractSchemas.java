package io.plumbline.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * Finds and parses the Avro contract in the top-level {@code schemas/} folder.
 *
 * <p>Files are named by their contract path, relative to {@code schemas/}: {@code Alert.avsc} for
 * the public contract, {@code internal/DeviceWithType.avsc} for records that only live in state
 * stores and their changelogs. All files of one version of the contract are parsed together, in any
 * order, so that a schema may name types defined in another file (Alert uses Subject, Severity and
 * DiscrepancyType from Discrepancy.avsc).
 */
final class ContractSchemas {

  /** System property naming the repository root; used to point the checks at another checkout. */
  static final String ROOT_PROPERTY = "plumbline.repo.root";

  /** Environment variable with the same meaning as {@link #ROOT_PROPERTY}. */
  static final String ROOT_ENV = "PLUMBLINE_REPO_ROOT";

  static final String SCHEMAS_DIR = "schemas";
  static final String SUFFIX = ".avsc";

  private ContractSchemas() {}

  /**
   * The repository root: {@value #ROOT_PROPERTY}, else {@value #ROOT_ENV}, else the nearest
   * ancestor of {@code user.dir} (the module directory under Maven) that holds a {@code schemas}
   * folder.
   */
  static Optional<Path> findRepoRoot() {
    String configured = System.getProperty(ROOT_PROPERTY);
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(ROOT_ENV);
    }
    if (configured != null && !configured.isBlank()) {
      Path root = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isDirectory(root.resolve(SCHEMAS_DIR))) {
        throw new IllegalStateException(
            "The configured repository root " + root + " has no " + SCHEMAS_DIR + " folder");
      }
      return Optional.of(root);
    }
    for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(SCHEMAS_DIR))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  /** The repository root, or an error saying how to name it. */
  static Path repoRoot() {
    return findRepoRoot()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No '"
                        + SCHEMAS_DIR
                        + "' folder above "
                        + System.getProperty("user.dir")
                        + "; set -D"
                        + ROOT_PROPERTY
                        + " or "
                        + ROOT_ENV));
  }

  /**
   * Contract path (relative to {@code schemas/}, e.g. {@code Alert.avsc} or {@code
   * internal/DeviceWithType.avsc}) to text, for every schema file in the working copy, subfolders
   * included.
   */
  static Map<String, String> readWorkingCopy(Path repoRoot) {
    Path dir = repoRoot.resolve(SCHEMAS_DIR);
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted().toList()) {
        if (file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file)) {
          String path =
              dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
          sources.put(path, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dir, e);
    }
    return sources;
  }

  /**
   * Parses a set of schema files that belong together (one version of the contract).
   *
   * @param sources contract path to schema text
   * @return the schemas that parsed, and for the others the reason they did not
   */
  static Parsed parse(Map<String, String> sources) {
    SchemaParser parser = new SchemaParser();
    Map<String, SchemaParser.ParseResult> results = new LinkedHashMap<>();
    Map<String, String> errors = new TreeMap<>();
    for (Map.Entry<String, String> source : new TreeMap<>(sources).entrySet()) {
      try {
        results.put(source.getKey(), parser.parse(source.getValue()));
      } catch (RuntimeException e) {
        errors.put(source.getKey(), describe(e));
      }
    }
    Map<String, Schema> schemas = new TreeMap<>();
    for (Map.Entry<String, SchemaParser.ParseResult> result : results.entrySet()) {
      try {
        schemas.put(result.getKey(), result.getValue().mainSchema());
      } catch (RuntimeException e) {
        errors.put(result.getKey(), describe(e));
      }
    }
    return new Parsed(Collections.unmodifiableMap(schemas), Collections.unmodifiableMap(errors));
  }

  /** Parses the working copy and fails if any file does not parse. */
  static Map<String, Schema> parseWorkingCopy(Path repoRoot) {
    Map<String, String> sources = readWorkingCopy(repoRoot);
    if (sources.isEmpty()) {
      throw new IllegalStateException("No *" + SUFFIX + " files in " + repoRoot.resolve("schemas"));
    }
    Parsed parsed = parse(sources);
    if (!parsed.errors().isEmpty()) {
      List<String> lines = new ArrayList<>();
      parsed.errors().forEach((file, error) -> lines.add("  " + file + ": " + error));
      throw new IllegalStateException("Schemas that do not parse:\n" + String.join("\n", lines));
    }
    return parsed.schemas();
  }

  /** The record name a schema file must define: its file name without {@value #SUFFIX}. */
  static String recordNameOf(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.substring(0, file.length() - SUFFIX.length());
  }

  /**
   * The subfolder of {@code schemas/} a contract path is in, e.g. {@code internal}; "" for none.
   */
  static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** Whether a contract path is part of the public contract (directly in {@code schemas/}). */
  static boolean isPublic(String path) {
    return folderOf(path).isEmpty();
  }

  private static String describe(RuntimeException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** The outcome of parsing one version of the contract. */
  record Parsed(Map<String, Schema> schemas, Map<String, String> errors) {}
}
