package io.plumbline.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the {@code git} command line in one repository and returns what it prints. */
final class GitRepository {

  private static final long TIMEOUT_SECONDS = 60;

  private final Path root;

  GitRepository(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /**
   * Whether {@code git} can be run and {@link #root()} is inside a work tree. False for a source
   * tarball (no {@code .git}) or a machine without git.
   */
  boolean isUsable() {
    try {
      return "true".equals(run("rev-parse", "--is-inside-work-tree").strip());
    } catch (IOException | GitException e) {
      return false;
    }
  }

  /** Full hashes of the commits reachable from HEAD that touched {@code path}, newest first. */
  List<String> commitsTouching(String path) throws IOException {
    return lines(run("log", "--format=%H", "--", path));
  }

  /**
   * Paths (relative to the root, like {@code schemas/Alert.avsc}) of the files in {@code dir} and
   * its subfolders at {@code commit}.
   */
  List<String> filesAt(String commit, String dir) throws IOException {
    return lines(run("ls-tree", "-r", "--name-only", commit, "--", dir + "/"));
  }

  /** The content of {@code path} (relative to the root) at {@code commit}. */
  String show(String commit, String path) throws IOException {
    // "./" makes the path relative to the working directory, so a root below the top level works.
    return run("show", commit + ":./" + path);
  }

  /** Short hash and subject line of a commit, for messages. */
  String describe(String commit) throws IOException {
    return run("log", "-1", "--format=%h %s", commit).strip();
  }

  /** Runs git with {@code args} in the root and returns its standard output. */
  String run(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    Map<String, String> env = builder.environment();
    // Variables a surrounding git (e.g. a hook) may have set would point git at another repository.
    for (String name :
        List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")) {
      env.remove(name);
    }
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("LC_ALL", "C");
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> stderr =
        CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String stdout = read(process.getInputStream());
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new GitException(command, "timed out after " + TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new GitException(command, "interrupted");
    }
    if (process.exitValue() != 0) {
      throw new GitException(
          command, "exit code " + process.exitValue() + ": " + stderr.join().strip());
    }
    return stdout;
  }

  private static String read(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String output) {
    return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  /** A git command that did not succeed. */
  static final class GitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GitException(List<String> command, String reason) {
      super(String.join(" ", command) + " failed: " + reason);
    }
  }
}
