package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.DiscrepancyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ops/runbooks holds exactly one page per discrepancy type, each with the four sections. */
class RunbookCatalogueTest {

  private static final Path RUNBOOKS = Path.of("..", "..", "ops", "runbooks");

  private static final List<String> SECTIONS =
      List.of(
          "## What it means",
          "## How to confirm it on site",
          "## How to fix it",
          "## How it resolves");

  /** The catalogue: every type but the reader's default for symbols it does not know yet. */
  private static List<String> catalogue() {
    String fallback = DiscrepancyType.SCHEMA$.getEnumDefault();
    return Arrays.stream(DiscrepancyType.values())
        .map(Enum::name)
        .filter(name -> !name.equals(fallback))
        .toList();
  }

  @Test
  void everyDiscrepancyTypeHasARunbookWithTheFourSections() throws IOException {
    for (String type : catalogue()) {
      Path page = RUNBOOKS.resolve(type + ".md");
      assertThat(page).as("runbook for " + type).exists();
      String text = Files.readString(page);
      assertThat(text).as(page.toString()).startsWith("# " + type + ": ");
      for (String section : SECTIONS) {
        assertThat(text).as(page + " " + section).contains("\n" + section + "\n");
      }
      assertThat(Files.readString(RUNBOOKS.resolve("README.md")))
          .as("index links " + type)
          .contains("[" + type + "](" + type + ".md)");
    }
  }

  @Test
  void everyRunbookNamesADiscrepancyType() throws IOException {
    try (Stream<Path> pages = Files.list(RUNBOOKS)) {
      List<String> names =
          pages
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.equals("README.md"))
              .map(n -> n.replaceFirst("\\.md$", ""))
              .toList();
      assertThat(names).containsExactlyInAnyOrderElementsOf(catalogue());
    }
  }
}
