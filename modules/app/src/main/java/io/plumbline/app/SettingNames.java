package io.plumbline.app;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * Recognises setting names and, for a name it does not know, suggests the closest known one: a typo
 * in a setting must stop start-up with a message that names it and says what was meant.
 */
final class SettingNames {

  private static final Set<String> KAFKA_CLIENT_NAMES = kafkaClientNames();

  private SettingNames() {}

  private static Set<String> kafkaClientNames() {
    Set<String> names = new TreeSet<>();
    names.addAll(ProducerConfig.configNames());
    names.addAll(ConsumerConfig.configNames());
    names.addAll(AdminClientConfig.configNames());
    return names;
  }

  /** The message for an unknown setting, with the closest known name when one is close. */
  static String unknownSettingMessage(String name, Collection<String> known) {
    return "unknown setting "
        + name
        + closest(name, known).map(c -> " (did you mean " + c + "?)").orElse("")
        + ". Every setting is listed in docs/configuration.md.";
  }

  /**
   * Checks a {@code kafka.} setting against the names the producer, consumer and admin client know.
   *
   * @throws ConfigException naming the setting when no Kafka client knows it
   */
  static void checkKafkaClientSetting(String fullName, String clientName) {
    if (KAFKA_CLIENT_NAMES.contains(clientName)) {
      return;
    }
    String suggestion =
        closest(clientName, KAFKA_CLIENT_NAMES)
            .map(c -> " (did you mean " + PlumblineConfig.KAFKA_PREFIX + c + "?)")
            .orElse("");
    throw new ConfigException(
        "unknown setting "
            + fullName
            + suggestion
            + ": no Kafka producer, consumer or admin client knows "
            + clientName
            + ".");
  }

  /** The known name with the smallest edit distance, if it is close enough to be a typo. */
  static Optional<String> closest(String name, Collection<String> known) {
    int allowed = Math.max(2, name.length() / 4);
    return known.stream()
        .map(k -> new Candidate(k, distance(name, k)))
        .filter(c -> c.distance() <= allowed)
        .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
        .map(Candidate::name);
  }

  private record Candidate(String name, int distance) {}

  /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
