package io.plumbline.serde;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * Remembers every answer of another client that cannot change: a schema's id under a subject (from
 * registering or looking up), a schema by id (including the ones this client registered), and a
 * subject's latest version as first seen. Failures are not remembered, so a registry that comes
 * back is used again. Two threads missing the same key at once may both ask the registry; the
 * answers are equal, so that costs one request and no correctness.
 */
final class CachingSchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaRegistryClient delegate;
  private final ConcurrentMap<SubjectSchema, Integer> ids = new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RegisteredSchema> latestVersions = new ConcurrentHashMap<>();

  CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id = delegate.register(subject, schema);
    remember(key, id);
    return id;
  }

  @Override
  public int getId(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = ids.get(key);
    if (cached != null) {
      return cached;
    }
    int id = delegate.getId(subject, schema);
    remember(key, id);
    return id;
  }

  @Override
  public Schema getSchemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = delegate.getSchemaById(id);
    Schema raced = schemasById.putIfAbsent(id, schema);
    return raced != null ? raced : schema;
  }

  @Override
  public RegisteredSchema getLatestVersion(String subject) {
    RegisteredSchema cached = latestVersions.get(subject);
    if (cached != null) {
      return cached;
    }
    RegisteredSchema latest = delegate.getLatestVersion(subject);
    RegisteredSchema raced = latestVersions.putIfAbsent(subject, latest);
    schemasById.putIfAbsent(latest.id(), latest.schema());
    return raced != null ? raced : latest;
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    return delegate.testCompatibility(subject, schema);
  }

  @Override
  public List<String> getAllSubjects() {
    return delegate.getAllSubjects();
  }

  @Override
  public String toString() {
    return "Caching(" + delegate + ")";
  }

  private void remember(SubjectSchema key, int id) {
    ids.putIfAbsent(key, id);
    // A deserializer reading what this process wrote then needs no lookup either.
    schemasById.putIfAbsent(id, key.schema());
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
