package io.plumbline.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record names a schema id the registry does not know: it was written against another registry,
 * or the schema was deleted. A property of the record, so it may be dead-lettered.
 */
public class UnknownSchemaIdException extends SerializationException {

  private static final long serialVersionUID = 1L;

  private final int schemaId;

  /**
   * Creates the exception.
   *
   * @param schemaId the id looked up
   * @param registry the registry asked, without credentials
   */
  public UnknownSchemaIdException(int schemaId, String registry) {
    super(
        String.format("Schema id %d is unknown to the schema registry at %s", schemaId, registry));
    this.schemaId = schemaId;
  }

  /** The id that was looked up. */
  public int schemaId() {
    return schemaId;
  }
}
