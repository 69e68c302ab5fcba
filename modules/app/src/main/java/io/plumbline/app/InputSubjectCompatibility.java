package io.plumbline.app;

import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.SubjectCompatibility;
import io.plumbline.serde.SubjectNameStrategy;
import io.plumbline.topology.PlumblineTopics;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets compatibility {@value #LEVEL} on the registry subjects of the topics other systems write and
 * Plumbline reads (intent, supply, telemetry, BMC observations), as part of {@code plumbline topics
 * apply}.
 *
 * <p>Why FULL_TRANSITIVE and not the registry's default: producers of inputs (NetBox and Redfish
 * ingest, collectors) are upgraded apart from the reconciler, and the reconciler reads every input
 * with the reader schema it was built with. A newer producer's data must therefore be readable by
 * an older reader (FORWARD), and the old records a compacted input topic keeps forever by a newer
 * reader (BACKWARD), across every version, not just the latest. BACKWARD alone (Confluent's
 * default) accepts a version that drops a required field, which every reconciler built before it
 * could not read; Apicurio's default, NONE, accepts anything. Adding optional fields with defaults,
 * the only change the contract allows, passes FULL_TRANSITIVE.
 *
 * <p>The subjects are {@code <topic>-value}: Plumbline's serdes use the default {@code
 * TopicNameStrategy} (its settings pass no other). A producer that registers under another strategy
 * has other subjects, which this leaves alone.
 */
public final class InputSubjectCompatibility {

  /** The level set on every input subject. */
  public static final String LEVEL = "FULL_TRANSITIVE";

  private InputSubjectCompatibility() {}

  /**
   * The input subjects of {@code config}'s registry whose own level is not {@value #LEVEL} (none
   * set, or another): what {@code plumbline topics apply} would still set. Empty for a {@code
   * mock://} registry.
   *
   * @throws io.plumbline.serde.SchemaRegistryException when the registry cannot be asked
   */
  public static List<String> unprotected(PlumblineConfig config) {
    AvroSerdeConfig serde = AvroSerdeConfig.parse(config.registrySettings());
    if (serde.isMockRegistry()) {
      return List.of();
    }
    SubjectCompatibility compatibility = new SubjectCompatibility(serde);
    return subjects(config.topics()).stream()
        .filter(subject -> !compatibility.get(subject).filter(LEVEL::equals).isPresent())
        .toList();
  }

  /** The value subjects of Plumbline's input topics, under the default subject name strategy. */
  public static List<String> subjects(PlumblineTopics topics) {
    return topics.inputs().stream()
        .map(topic -> SubjectNameStrategy.TOPIC_NAME.subjectName(topic, false, null))
        .toList();
  }

  /**
   * Sets {@value #LEVEL} on every input subject of {@code config}'s registry and returns one line
   * per action for the operator. A {@code mock://} registry is left alone (its level is fixed).
   *
   * @throws io.plumbline.serde.SchemaRegistryException when the registry refuses or cannot be
   *     reached
   */
  public static List<String> apply(PlumblineConfig config) {
    AvroSerdeConfig serde = AvroSerdeConfig.parse(config.registrySettings());
    if (serde.isMockRegistry()) {
      return List.of("registry compatibility not set: " + serde.schemaRegistryUrls().get(0));
    }
    SubjectCompatibility compatibility = new SubjectCompatibility(serde);
    List<String> lines = new ArrayList<>();
    for (String subject : subjects(config.topics())) {
      compatibility.set(subject, LEVEL);
      lines.add("compatibility " + LEVEL + " on subject " + subject);
    }
    return List.copyOf(lines);
  }
}
