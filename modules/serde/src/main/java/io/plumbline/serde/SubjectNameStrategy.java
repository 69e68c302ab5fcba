package io.plumbline.serde;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * How a serializer names the registry subject of a record, with Confluent's three strategies and
 * their results, so that subjects line up with those of Confluent's clients.
 */
public enum SubjectNameStrategy {

  /** {@code <topic>-key} or {@code <topic>-value}: one schema lineage per topic. The default. */
  TOPIC_NAME("TopicNameStrategy") {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
      return topic + (isKey ? "-key" : "-value");
    }
  },

  /** The record's full name: one lineage per record type, shared by every topic carrying it. */
  RECORD_NAME("RecordNameStrategy") {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
      return namedType(this, schema);
    }
  },

  /** {@code <topic>-<record full name>}: several record types per topic, each with its lineage. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy") {
    @Override
    public String subjectName(String topic, boolean isKey, Schema schema) {
      return topic + "-" + namedType(this, schema);
    }
  };

  private static final String CONFLUENT_PACKAGE = "io.confluent.kafka.serializers.subject.";

  private final String confluentName;

  SubjectNameStrategy(String confluentName) {
    this.confluentName = confluentName;
  }

  /**
   * Returns the subject for a record of {@code schema} written to {@code topic}.
   *
   * @throws SerializationException when a record-name strategy meets an unnamed schema (a
   *     primitive, array, map or union)
   */
  public abstract String subjectName(String topic, boolean isKey, Schema schema);

  /** The name Confluent gives this strategy, e.g. {@code TopicNameStrategy}. */
  public String confluentName() {
    return confluentName;
  }

  /**
   * Parses a configured strategy: Confluent's simple name ({@code RecordNameStrategy}), its
   * fully-qualified class name ({@code io.confluent.kafka.serializers.subject.RecordNameStrategy})
   * or this enum's constant name ({@code RECORD_NAME}).
   *
   * @throws IllegalArgumentException naming the accepted values when none matches
   */
  public static SubjectNameStrategy fromConfigValue(String value) {
    String name = value.trim();
    if (name.startsWith(CONFLUENT_PACKAGE)) {
      name = name.substring(CONFLUENT_PACKAGE.length());
    }
    for (SubjectNameStrategy strategy : values()) {
      if (strategy.confluentName.equals(name)
          || strategy.name().equals(name.toUpperCase(Locale.ROOT))) {
        return strategy;
      }
    }
    throw new IllegalArgumentException(
        "unknown subject name strategy; expected one of "
            + Arrays.stream(values())
                .map(SubjectNameStrategy::confluentName)
                .collect(Collectors.joining(", "))
            + " (optionally prefixed with "
            + CONFLUENT_PACKAGE
            + ")");
  }

  private static String namedType(SubjectNameStrategy strategy, Schema schema) {
    switch (schema.getType()) {
      case RECORD:
      case ENUM:
      case FIXED:
        return schema.getFullName();
      default:
        throw new SerializationException(
            String.format(
                "%s needs a named schema (record, enum or fixed), not %s",
                strategy.confluentName, schema.getType().getName()));
    }
  }
}
