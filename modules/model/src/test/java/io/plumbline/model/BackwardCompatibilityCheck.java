package io.plumbline.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Checks that each schema of the working copy can read data written with every committed version of
 * the same file (Avro's reader/writer compatibility, the registry's BACKWARD rule).
 */
final class BackwardCompatibilityCheck {

  private BackwardCompatibilityCheck() {}

  /**
   * Why {@code reader} cannot read data written with {@code writer}, one line per problem in Avro's
   * words; empty when it can.
   */
  static List<String> incompatibilities(Schema reader, Schema writer) {
    SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return pair.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .toList();
  }

  /** Checks the working copy of {@code git.root()}/schemas against its whole history. */
  static Report checkHistory(GitRepository git) throws IOException {
    Map<String, Schema> current = ContractSchemas.parseWorkingCopy(git.root());
    Map<String, ContractSchemas.Parsed> contractAt = new HashMap<>();
    List<Finding> findings = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int versionsChecked = 0;
    int filesWithHistory = 0;
    for (Map.Entry<String, Schema> entry : current.entrySet()) {
      String file = entry.getKey();
      List<String> commits = git.commitsTouching(ContractSchemas.SCHEMAS_DIR + "/" + file);
      if (!commits.isEmpty()) {
        filesWithHistory++;
      }
      for (String commit : commits) {
        ContractSchemas.Parsed old = contractAt.computeIfAbsent(commit, c -> parseAt(git, c));
        Schema writer = old.schemas().get(file);
        if (writer == null) {
          String error = old.errors().get(file);
          if (error != null) {
            // A version that never parsed can have written no data, so there is nothing to read.
            notes.add(file + " at " + git.describe(commit) + " does not parse, skipped: " + error);
          }
          // Otherwise this commit deleted the file.
          continue;
        }
        versionsChecked++;
        for (String problem : incompatibilities(entry.getValue(), writer)) {
          findings.add(new Finding(file, git.describe(commit), problem));
        }
      }
    }
    return new Report(findings, notes, versionsChecked, filesWithHistory);
  }

  private static ContractSchemas.Parsed parseAt(GitRepository git, String commit) {
    try {
      Map<String, String> sources = new TreeMap<>();
      for (String path : git.filesAt(commit, ContractSchemas.SCHEMAS_DIR)) {
        if (path.endsWith(ContractSchemas.SUFFIX)) {
          String contractPath = path.substring(ContractSchemas.SCHEMAS_DIR.length() + 1);
          sources.put(contractPath, git.show(commit, path));
        }
      }
      return ContractSchemas.parse(sources);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the schemas of commit " + commit, e);
    }
  }

  /** One working-copy schema that cannot read data written with one committed version. */
  record Finding(String file, String commit, String problem) {
    @Override
    public String toString() {
      return file + " vs " + commit + ": " + problem;
    }
  }

  /** The outcome of {@link #checkHistory}. */
  record Report(
      List<Finding> incompatibilities,
      List<String> notes,
      int versionsChecked,
      int filesWithHistory) {

    String failureMessage() {
      StringBuilder message =
          new StringBuilder()
              .append(incompatibilities.size())
              .append(" BACKWARD incompatibilit")
              .append(incompatibilities.size() == 1 ? "y" : "ies")
              .append(": the working-copy schema (reader) cannot read data written with a")
              .append(" committed version (writer).\n");
      for (Finding finding : incompatibilities) {
        message.append("  ").append(finding).append('\n');
      }
      message.append(
          "Add fields only with a default, never remove a field that has no default, rename a"
              + " field or type only with an alias for the old name, never drop a symbol from an enum"
              + " without a default.");
      return message.toString();
    }
  }
}
