package io.plumbline.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** The process's memory (resident set, heap) and the size of a directory tree on disk. */
public final class ProcessMemory {

  private ProcessMemory() {}

  /** VmRSS of this process from /proc/self/status, in bytes; empty where there is no /proc. */
  public static OptionalLong residentBytes() {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return OptionalLong.empty();
    }
    try {
      return residentBytes(Files.readAllLines(status));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** VmRSS from the lines of a /proc/PID/status file, in bytes. */
  static OptionalLong residentBytes(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        long kib = Long.parseLong(parts[0]);
        return OptionalLong.of(kib * 1024);
      }
    }
    return OptionalLong.empty();
  }

  /** Heap in use right after a full collection requested by us: the live heap, roughly. */
  public static long liveHeapBytes() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Heap in use now, garbage included. */
  public static long usedHeapBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Total size of the regular files under {@code root}; 0 when it does not exist. */
  public static long directoryBytes(Path root) {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(ProcessMemory::sizeOrZero).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("could not measure " + root, e);
    }
  }

  // Stores delete files while we walk (compaction): a vanished file counts as empty.
  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
