package io.plumbline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParser;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every schema in {@code schemas/} follows, and a binary round trip of every generated
 * class. Each rule lists all violations at once.
 *
 * <p>Files directly in {@code schemas/} are the public contract, in {@code io.plumbline.avro.vN};
 * files in a subfolder (e.g. {@code schemas/internal/}, records that live only in state stores and
 * their changelogs) follow the same rules in {@code io.plumbline.avro.<folder>.vN}.
 */
class ContractTest {

  /**
   * Any versioned Plumbline namespace, e.g. io.plumbline.avro.v1 or io.plumbline.avro.internal.v1.
   */
  private static final Pattern VERSIONED_NAMESPACE =
      Pattern.compile("io\\.plumbline\\.avro(\\.[a-z][a-z0-9]*)*\\.v[1-9][0-9]*");

  /**
   * Enums whose symbol set is closed by design, so they need no default symbol: a discrepancy is
   * OPENED, UPDATED or RESOLVED and an alert is FIRING or RESOLVED, and the consumers' logic
   * depends on knowing every state. A new state is a breaking change that needs a new versioned
   * namespace, not a symbol an old reader could silently map to a default. Every other enum (types,
   * domains, severities, kinds, stages) will grow, and an old reader maps a new symbol to the
   * enum's default instead of failing.
   */
  private static final Set<String> CLOSED_ENUMS = Set.of("DiscrepancyState", "AlertState");

  private static Map<String, Schema> contract;

  @BeforeAll
  static void parseContract() {
    contract = ContractSchemas.parseWorkingCopy(ContractSchemas.repoRoot());
  }

  @Test
  void everySchemaFileParses() {
    Map<String, String> sources = ContractSchemas.readWorkingCopy(ContractSchemas.repoRoot());

    ContractSchemas.Parsed parsed = ContractSchemas.parse(sources);

    assertThat(parsed.errors()).as("schemas that do not parse").isEmpty();
    assertThat(parsed.schemas().keySet()).isEqualTo(sources.keySet()).isNotEmpty();
  }

  @Test
  void fileNamesEqualRecordNames() {
    assertThat(violations(ContractTest::fileNameViolations)).isEmpty();
  }

  @Test
  void everySchemaIsADocumentedRecordInAVersionedNamespace() {
    assertThat(violations(ContractTest::shapeViolations)).isEmpty();
  }

  @Test
  void everyNullableFieldDefaultsToNull() {
    assertThat(violations(ContractTest::nullableDefaultViolations)).isEmpty();
  }

  @Test
  void enumsThatMayGrowHaveADefaultSymbol() {
    assertThat(violations(ContractTest::enumDefaultViolations)).isEmpty();

    Set<String> enums = new TreeSet<>();
    contract
        .values()
        .forEach(
            schema ->
                namedTypes(schema).values().stream()
                    .filter(type -> type.getType() == Schema.Type.ENUM)
                    .forEach(type -> enums.add(type.getName())));
    assertThat(enums).as("the closed enums named in this test exist").containsAll(CLOSED_ENUMS);
  }

  /** The rules catch what they must: a schema that breaks each of them once. */
  @Test
  void theRulesReportViolations() {
    Schema bad =
        new SchemaParser()
            .parse(
                """
                {"type": "record", "name": "Gadget", "namespace": "io.plumbline.avro",
                 "fields": [
                   {"name": "label", "type": ["null", "string"]},
                   {"name": "colour", "type": {"type": "enum", "name": "Colour",
                                               "symbols": ["RED", "GREEN"]}}
                 ]}
                """)
            .mainSchema();

    assertThat(fileNameViolations("Widget.avsc", bad))
        .singleElement()
        .asString()
        .contains("Gadget");
    assertThat(shapeViolations("Gadget.avsc", bad))
        .anySatisfy(v -> assertThat(v).contains("not in a versioned namespace"))
        .anySatisfy(v -> assertThat(v).contains("no doc"));
    assertThat(shapeViolations("internal/IntentSite.avsc", contract.get("IntentSite.avsc")))
        .singleElement()
        .asString()
        .contains("must be in namespace io.plumbline.avro.internal.vN");
    assertThat(nullableDefaultViolations("Gadget.avsc", bad))
        .singleElement()
        .asString()
        .contains("Gadget.label");
    assertThat(enumDefaultViolations("Gadget.avsc", bad))
        .singleElement()
        .asString()
        .contains("Colour");
  }

  @Test
  void everyPublicRecordHasARealisticSample() {
    Set<String> publicRecords = new TreeSet<>();
    contract.forEach(
        (path, schema) -> {
          if (ContractSchemas.isPublic(path)) {
            publicRecords.add(schema.getFullName());
          }
        });

    assertThat(SampleRecords.all().keySet())
        .as("SampleRecords needs one instance per schema file in schemas/")
        .containsAll(publicRecords);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractPaths")
  void generatedClassMatchesItsSchemaFile(String path) {
    Schema file = contract.get(path);
    Class<?> generated = SpecificData.get().getClass(file);

    assertThat(generated).as("generated class for %s", file.getFullName()).isNotNull();
    assertThat(SchemaNormalization.toParsingForm(SpecificData.get().getSchema(generated)))
        .as("generated class %s is out of date with %s", generated.getName(), path)
        .isEqualTo(SchemaNormalization.toParsingForm(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contractPaths")
  void roundTripsThroughAvroBinary(String path) throws IOException {
    Schema file = contract.get(path);
    SpecificRecordBase sample = SampleRecords.all().get(file.getFullName());
    if (sample == null && !ContractSchemas.isPublic(path)) {
      sample = SyntheticRecords.instanceOf(file);
    }
    assertThat(sample).as("sample of %s", path).isNotNull();
    SpecificData model = sample.getSpecificData();
    Schema schema = sample.getSchema();

    byte[] bytes = encode(sample, model);
    SpecificRecordBase decoded = decode(bytes, schema, schema, model);
    SpecificRecordBase decodedAsFile = decode(bytes, file, schema, model);

    assertThat(decoded).isInstanceOf(sample.getClass()).isEqualTo(sample);
    assertThat(decodedAsFile).as("read with %s as writer schema", path).isEqualTo(sample);
  }

  static List<String> contractPaths() {
    return List.copyOf(ContractSchemas.readWorkingCopy(ContractSchemas.repoRoot()).keySet());
  }

  // ---- rules: each returns one line per violation, prefixed with the file ----

  static List<String> fileNameViolations(String file, Schema schema) {
    String expected = ContractSchemas.recordNameOf(file);
    return expected.equals(schema.getName())
        ? List.of()
        : List.of(file + ": defines " + schema.getName() + ", the file must be named after it");
  }

  static List<String> shapeViolations(String file, Schema schema) {
    List<String> violations = new ArrayList<>();
    if (schema.getType() != Schema.Type.RECORD) {
      violations.add(file + ": is a " + schema.getType() + ", not a record");
      return violations;
    }
    if (schema.getDoc() == null || schema.getDoc().isBlank()) {
      violations.add(file + ": record " + schema.getName() + " has no doc");
    }
    String folder = ContractSchemas.folderOf(file);
    String prefix = "io.plumbline.avro." + (folder.isEmpty() ? "" : folder.replace('/', '.') + ".");
    String namespace = schema.getNamespace();
    if (namespace == null
        || !namespace.startsWith(prefix)
        || !namespace.substring(prefix.length()).matches("v[1-9][0-9]*")) {
      violations.add(
          file
              + ": record "
              + schema.getName()
              + " must be in namespace "
              + prefix
              + "vN, not "
              + namespace);
    }
    for (Schema type : namedTypes(schema).values()) {
      if (type.getNamespace() == null
          || !VERSIONED_NAMESPACE.matcher(type.getNamespace()).matches()) {
        violations.add(
            file
                + ": "
                + type.getFullName()
                + " is not in a versioned namespace like io.plumbline.avro.v1");
      }
    }
    return violations;
  }

  static List<String> nullableDefaultViolations(String file, Schema schema) {
    List<String> violations = new ArrayList<>();
    for (Schema type : namedTypes(schema).values()) {
      if (type.getType() != Schema.Type.RECORD) {
        continue;
      }
      for (Schema.Field field : type.getFields()) {
        Schema fieldType = field.schema();
        boolean startsWithNull =
            fieldType.getType() == Schema.Type.UNION
                && fieldType.getTypes().get(0).getType() == Schema.Type.NULL;
        if (startsWithNull
            && !(field.hasDefaultValue() && field.defaultVal() == JsonProperties.NULL_VALUE)) {
          violations.add(
              file
                  + ": "
                  + type.getName()
                  + "."
                  + field.name()
                  + " is nullable but has no default null");
        }
      }
    }
    return violations;
  }

  static List<String> enumDefaultViolations(String file, Schema schema) {
    List<String> violations = new ArrayList<>();
    for (Schema type : namedTypes(schema).values()) {
      if (type.getType() == Schema.Type.ENUM
          && type.getEnumDefault() == null
          && !CLOSED_ENUMS.contains(type.getName())) {
        violations.add(
            file
                + ": enum "
                + type.getName()
                + " has no default symbol, so an old reader fails on a new symbol");
      }
    }
    return violations;
  }

  // ---- helpers ----

  private static List<String> violations(BiFunction<String, Schema, List<String>> rule) {
    List<String> violations = new ArrayList<>();
    contract.forEach((file, schema) -> violations.addAll(rule.apply(file, schema)));
    return violations;
  }

  /** Every named type (record, enum, fixed) reachable from {@code schema}, by full name. */
  static Map<String, Schema> namedTypes(Schema schema) {
    Map<String, Schema> found = new LinkedHashMap<>();
    collect(schema, found);
    return found;
  }

  private static void collect(Schema schema, Map<String, Schema> found) {
    switch (schema.getType()) {
      case RECORD -> {
        if (found.putIfAbsent(schema.getFullName(), schema) == null) {
          schema.getFields().forEach(field -> collect(field.schema(), found));
        }
      }
      case ENUM, FIXED -> found.putIfAbsent(schema.getFullName(), schema);
      case ARRAY -> collect(schema.getElementType(), found);
      case MAP -> collect(schema.getValueType(), found);
      case UNION -> schema.getTypes().forEach(branch -> collect(branch, found));
      default -> {
        // primitives name no type
      }
    }
  }

  private static byte[] encode(SpecificRecordBase record, SpecificData model) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<SpecificRecordBase>(record.getSchema(), model).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static SpecificRecordBase decode(
      byte[] bytes, Schema writer, Schema reader, SpecificData model) throws IOException {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
    SpecificRecordBase record =
        new SpecificDatumReader<SpecificRecordBase>(writer, reader, model).read(null, decoder);
    assertThat(decoder.isEnd()).as("all bytes consumed").isTrue();
    return record;
  }
}
