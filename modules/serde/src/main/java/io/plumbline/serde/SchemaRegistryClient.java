package io.plumbline.serde;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The subset of the Confluent Schema Registry REST API that the Avro serdes need.
 *
 * <p>Ids are global, as in Confluent's registry: the same schema registered under two subjects has
 * one id. Implementations made by {@link SchemaRegistryClients} cache every answer that cannot
 * change (ids, schemas by id, the latest version as first seen), so once warm a serializer or
 * deserializer makes no registry call per record. Failures are thrown as {@link
 * org.apache.kafka.common.errors.SerializationException} subclasses: {@link
 * SchemaRegistryException} when the registry itself cannot be used, and {@link
 * UnknownSchemaIdException}, {@link SchemaNotRegisteredException} or {@link
 * IncompatibleSchemaException} when it answered but said no. Implementations are thread-safe.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} (a no-op returning the existing id when an
   * equivalent schema is already registered there) and returns its id.
   *
   * @throws IncompatibleSchemaException when the subject's compatibility level refuses the schema
   */
  int register(String subject, Schema schema);

  /**
   * Returns the id of {@code schema} under {@code subject} without registering it.
   *
   * @throws SchemaNotRegisteredException when the subject does not hold that schema
   */
  int getId(String subject, Schema schema);

  /**
   * Returns the schema with the given global id.
   *
   * @throws UnknownSchemaIdException when the registry knows no schema with that id
   */
  Schema getSchemaById(int id);

  /**
   * Returns the latest version registered under {@code subject}. Cached implementations keep the
   * first answer for their lifetime, as Confluent's client does by default; a restart picks up
   * newer versions.
   *
   * @throws SchemaNotRegisteredException when the subject has no versions
   */
  RegisteredSchema getLatestVersion(String subject);

  /**
   * Tells whether {@code schema} may be registered under {@code subject} according to the subject's
   * compatibility level; {@code true} for a subject without versions. Not cached: the answer
   * changes as versions are registered.
   */
  boolean testCompatibility(String subject, Schema schema);

  /** Lists the registry's subjects. Not cached. */
  List<String> getAllSubjects();
}
