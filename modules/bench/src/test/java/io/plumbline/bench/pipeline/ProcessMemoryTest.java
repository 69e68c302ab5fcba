package io.plumbline.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessMemoryTest {

  @Test
  void residentSetIsReadFromTheStatusLinesInKibibytes() {
    List<String> status =
        List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmRSS:\t  123456 kB", "Threads:\t42");
    assertThat(ProcessMemory.residentBytes(status)).hasValue(123456L * 1024);
  }

  @Test
  void noResidentSetLineMeansUnknown() {
    assertThat(ProcessMemory.residentBytes(List.of("Name:\tjava"))).isEmpty();
  }

  @Test
  void directorySizeSumsTheFilesBelowIt(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a"), new byte[100]);
    Files.createDirectories(dir.resolve("store/rocksdb"));
    Files.write(dir.resolve("store/rocksdb/b.sst"), new byte[250]);
    assertThat(ProcessMemory.directoryBytes(dir)).isEqualTo(350);
    assertThat(ProcessMemory.directoryBytes(dir.resolve("missing"))).isZero();
  }
}
