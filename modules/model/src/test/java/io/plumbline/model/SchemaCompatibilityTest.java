package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps every schema in {@code schemas/} BACKWARD compatible with every version of it ever
 * committed: the working-copy schema, as reader, must be able to read data written with each older
 * version, as writer, which is the rule the Schema Registry enforces on the subjects.
 *
 * <p>How a schema change is reviewed: run {@code mvn -pl modules/model -am install}; this test
 * compares your edited {@code schemas/*.avsc} with each version in {@code git log} and lists every
 * incompatibility at once. BACKWARD means new readers read old data, so add fields only with a
 * default, never remove a field that has no default, never rename a field or type without an alias
 * for the old name, and never drop an enum symbol from an enum without a default. A change that
 * cannot meet this needs a new versioned namespace ({@code io.plumbline.avro.v2}) and new topics;
 * that is a decision for review, and this test will flag it rather than let it pass.
 *
 * <p>The history is read with the {@code git} command line from the repository root (found by
 * walking up from the module directory, or named by {@code -Dplumbline.repo.root=...} or {@code
 * PLUMBLINE_REPO_ROOT}). Without git or a {@code .git} folder (a source tarball) the history check
 * is skipped; the self-tests of the checker still run.
 */
class SchemaCompatibilityTest {

  @Test
  void everySchemaCanReadEveryCommittedVersionOfItself() throws IOException {
    Optional<Path> root = ContractSchemas.findRepoRoot();
    assumeTrue(
        root.isPresent(), "No schemas/ folder found above " + System.getProperty("user.dir"));
    GitRepository git = new GitRepository(root.get());
    assumeTrue(
        git.isUsable(),
        () ->
            "Schema history check skipped: "
                + root.get()
                + " is not a git work tree or git is not installed (e.g. a source tarball).");

    BackwardCompatibilityCheck.Report report = BackwardCompatibilityCheck.checkHistory(git);

    report.notes().forEach(note -> System.out.println("[schema history] " + note));
    assumeTrue(
        report.filesWithHistory() > 0,
        () ->
            "Schema history check skipped: no schema in " + root.get() + "/schemas is committed.");
    System.out.printf(
        "[schema history] %d schema files checked against %d committed versions in %s%n",
        report.filesWithHistory(), report.versionsChecked(), root.get());
    assertThat(report.incompatibilities()).withFailMessage(report::failureMessage).isEmpty();
  }

  // The checks below prove the checker itself catches what it must, on a real schema.

  @Test
  void aRequiredFieldWithoutDefaultIsReported() {
    Schema discrepancy = workingCopy("Discrepancy.avsc");
    Schema reader =
        withExtraField(
            discrepancy, new Schema.Field("rootCause", Schema.create(Schema.Type.STRING)));

    assertThat(BackwardCompatibilityCheck.incompatibilities(reader, discrepancy))
        .singleElement(STRING)
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("rootCause");
  }

  @Test
  void anOptionalFieldWithDefaultIsAccepted() {
    Schema discrepancy = workingCopy("Discrepancy.avsc");
    Schema reader = withExtraField(discrepancy, optionalString("rootCause"));

    assertThat(BackwardCompatibilityCheck.incompatibilities(reader, discrepancy)).isEmpty();
  }

  @Test
  void aRenameIsReportedUnlessTheOldNameIsAnAlias() {
    Schema device = workingCopy("ReconciledDevice.avsc");

    assertThat(
            BackwardCompatibilityCheck.incompatibilities(
                renamed(device, "deviceId", "netboxDeviceId", false), device))
        .singleElement(STRING)
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("netboxDeviceId");
    assertThat(
            BackwardCompatibilityCheck.incompatibilities(
                renamed(device, "deviceId", "netboxDeviceId", true), device))
        .isEmpty();
  }

  @Test
  void droppingASymbolOfAClosedEnumIsReported() {
    Schema discrepancy = workingCopy("Discrepancy.avsc");
    Schema state = discrepancy.getField("state").schema();
    Schema fewerStates =
        Schema.createEnum(
            state.getName(), state.getDoc(), state.getNamespace(), List.of("OPENED", "RESOLVED"));

    assertThat(
            BackwardCompatibilityCheck.incompatibilities(
                withFieldType(discrepancy, "state", fewerStates), discrepancy))
        .singleElement(STRING)
        .contains("MISSING_ENUM_SYMBOLS")
        .contains("UPDATED");
  }

  /**
   * The history path end to end, in a throwaway repository: commit the contract, commit a breaking
   * change on top, and check that the working copy is reported against the first commit; then make
   * the change compatible and check that nothing is reported.
   */
  @Test
  void anIncompatibleCommittedChangeIsReportedAgainstTheOlderCommit(@TempDir Path repo)
      throws IOException {
    GitRepository git = new GitRepository(repo);
    assumeTrue(gitInstalled(git), "git is not installed");
    Map<String, String> contract = ContractSchemas.readWorkingCopy(ContractSchemas.repoRoot());
    for (Map.Entry<String, String> file : contract.entrySet()) {
      write(repo, file.getKey(), file.getValue());
    }
    git.run("init", "-q");
    String first = commit(git, "Contract v1");
    assertThat(BackwardCompatibilityCheck.checkHistory(git).incompatibilities()).isEmpty();

    Schema discrepancy = workingCopy("Discrepancy.avsc");
    write(
        repo,
        "Discrepancy.avsc",
        withExtraField(
                discrepancy, new Schema.Field("rootCause", Schema.create(Schema.Type.STRING)))
            .toString());
    commit(git, "Add a required rootCause to Discrepancy");

    BackwardCompatibilityCheck.Report broken = BackwardCompatibilityCheck.checkHistory(git);
    assertThat(broken.versionsChecked()).isEqualTo(contract.size() + 1);
    // Internal records that embed Discrepancy (query views) break with it; that is reported too.
    assertThat(broken.incompatibilities())
        .filteredOn(finding -> finding.file().equals("Discrepancy.avsc"))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.commit()).startsWith(first.substring(0, 7));
              assertThat(finding.problem()).contains("READER_FIELD_MISSING_DEFAULT_VALUE");
            });
    assertThat(broken.failureMessage())
        .contains("Discrepancy.avsc vs " + git.describe(first))
        .contains("rootCause");

    write(
        repo,
        "Discrepancy.avsc",
        withExtraField(discrepancy, optionalString("rootCause")).toString());
    assertThat(BackwardCompatibilityCheck.checkHistory(git).incompatibilities()).isEmpty();
  }

  private static Schema workingCopy(String file) {
    Schema schema = ContractSchemas.parseWorkingCopy(ContractSchemas.repoRoot()).get(file);
    assertThat(schema).as(file).isNotNull();
    return schema;
  }

  private static Schema.Field optionalString(String name) {
    return new Schema.Field(
        name,
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
        null,
        Schema.Field.NULL_DEFAULT_VALUE);
  }

  private static Schema withExtraField(Schema record, Schema.Field extra) {
    List<Schema.Field> fields = copyFields(record);
    fields.add(extra);
    return recordLike(record, fields);
  }

  private static Schema withFieldType(Schema record, String name, Schema type) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      fields.add(new Schema.Field(field, field.name().equals(name) ? type : field.schema()));
    }
    return recordLike(record, fields);
  }

  private static Schema renamed(Schema record, String from, String to, boolean alias) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      if (field.name().equals(from)) {
        Schema.Field renamed =
            field.hasDefaultValue()
                ? new Schema.Field(to, field.schema(), field.doc(), field.defaultVal())
                : new Schema.Field(to, field.schema(), field.doc());
        if (alias) {
          renamed.addAlias(from);
        }
        fields.add(renamed);
      } else {
        fields.add(new Schema.Field(field, field.schema()));
      }
    }
    return recordLike(record, fields);
  }

  private static List<Schema.Field> copyFields(Schema record) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field field : record.getFields()) {
      fields.add(new Schema.Field(field, field.schema()));
    }
    return fields;
  }

  private static Schema recordLike(Schema record, List<Schema.Field> fields) {
    Schema copy =
        Schema.createRecord(
            record.getName(), record.getDoc(), record.getNamespace(), record.isError(), fields);
    record.getAliases().forEach(copy::addAlias);
    return copy;
  }

  private static boolean gitInstalled(GitRepository git) {
    try {
      git.run("--version");
      return true;
    } catch (IOException | GitRepository.GitException e) {
      return false;
    }
  }

  private static void write(Path repo, String file, String content) throws IOException {
    Path target = repo.resolve("schemas").resolve(file);
    Files.createDirectories(target.getParent());
    Files.writeString(target, content, StandardCharsets.UTF_8);
  }

  private static String commit(GitRepository git, String message) throws IOException {
    git.run("add", "-A");
    git.run(
        "-c",
        "user.name=Plumbline Test",
        "-c",
        "user.email=test@plumbline.invalid",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "--no-verify",
        "-m",
        message);
    return git.run("rev-parse", "HEAD").strip();
  }
}
