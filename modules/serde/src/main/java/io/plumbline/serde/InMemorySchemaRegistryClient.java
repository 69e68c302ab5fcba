package io.plumbline.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry in memory, for TopologyTestDriver tests ({@code mock://<scope>}). It behaves like a
 * Confluent registry at its default level: ids are global and shared by equal schemas, and a new
 * version must be BACKWARD compatible with the latest one (it can read data written with it).
 */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final String name;
  private final Map<String, List<RegisteredSchema>> subjects = new TreeMap<>();
  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();

  InMemorySchemaRegistryClient(String name) {
    this.name = name;
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    List<RegisteredSchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
    for (RegisteredSchema version : versions) {
      if (version.schema().equals(schema)) {
        return version.id();
      }
    }
    if (!versions.isEmpty() && !isBackwardCompatible(schema, latest(versions).schema())) {
      throw new IncompatibleSchemaException(
          subject,
          String.format(
              "Schema registry at %s refused schema %s for subject '%s' as incompatible with the"
                  + " subject's compatibility level (BACKWARD): %s",
              name,
              schema.getFullName(),
              subject,
              describe(
                  SchemaCompatibility.checkReaderWriterCompatibility(
                      schema, latest(versions).schema()))));
    }
    int id =
        idsBySchema.computeIfAbsent(
            schema,
            s -> {
              int next = schemasById.size() + 1;
              schemasById.put(next, s);
              return next;
            });
    versions.add(new RegisteredSchema(subject, id, versions.size() + 1, schema));
    return id;
  }

  @Override
  public synchronized int getId(String subject, Schema schema) {
    for (RegisteredSchema version : subjects.getOrDefault(subject, List.of())) {
      if (version.schema().equals(schema)) {
        return version.id();
      }
    }
    throw new SchemaNotRegisteredException(
        subject,
        String.format(
            "Subject '%s' at schema registry %s does not hold schema %s",
            subject, name, schema.getFullName()));
  }

  @Override
  public synchronized Schema getSchemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new UnknownSchemaIdException(id, name);
    }
    return schema;
  }

  @Override
  public synchronized RegisteredSchema getLatestVersion(String subject) {
    List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
    if (versions.isEmpty()) {
      throw new SchemaNotRegisteredException(
          subject,
          String.format("Subject '%s' has no versions at schema registry %s", subject, name));
    }
    return latest(versions);
  }

  @Override
  public synchronized boolean testCompatibility(String subject, Schema schema) {
    List<RegisteredSchema> versions = subjects.getOrDefault(subject, List.of());
    return versions.isEmpty() || isBackwardCompatible(schema, latest(versions).schema());
  }

  @Override
  public synchronized List<String> getAllSubjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public String toString() {
    return "InMemorySchemaRegistryClient[" + name + "]";
  }

  private static RegisteredSchema latest(List<RegisteredSchema> versions) {
    return versions.get(versions.size() - 1);
  }

  /** One line per problem; Avro's own toString repeats both schemas for each. */
  private static String describe(SchemaCompatibility.SchemaPairCompatibility compatibility) {
    return compatibility.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
        .collect(Collectors.joining("; "));
  }

  private static boolean isBackwardCompatible(Schema candidate, Schema latest) {
    return SchemaCompatibility.checkReaderWriterCompatibility(candidate, latest).getType()
        == SchemaCompatibilityType.COMPATIBLE;
  }
}
