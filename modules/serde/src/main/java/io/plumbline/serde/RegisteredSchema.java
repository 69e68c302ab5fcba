package io.plumbline.serde;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject as the registry holds it.
 *
 * @param subject the subject the version belongs to
 * @param id the schema's global id, the one written in the wire format
 * @param version the version number within the subject, from 1
 * @param schema the Avro schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {

  /** Checks that no component is missing. */
  public RegisteredSchema {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
