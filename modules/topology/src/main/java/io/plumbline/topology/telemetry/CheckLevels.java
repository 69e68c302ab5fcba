package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The hysteresis state of a subject's checks: the level each check is at (WARNING, CRITICAL), in a
 * key-value store keyed {@code subjectKey/TYPE}. A check with no alarm has no entry, so the store
 * holds one entry per alarmed check and subjects without alarms cost nothing. Keys are only read
 * exactly, never scanned, and type names contain no {@code /}, so any subject key is safe.
 */
public final class CheckLevels {

  private final KeyValueStore<String, String> store;

  public CheckLevels(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /** The current level of each of the given checks that is alarmed. */
  public Map<DiscrepancyType, Severity> of(String subjectKey, Collection<DiscrepancyType> types) {
    Map<DiscrepancyType, Severity> levels = new EnumMap<>(DiscrepancyType.class);
    for (DiscrepancyType type : types) {
      String stored = store.get(key(subjectKey, type));
      if (stored != null) {
        levels.put(type, Severity.valueOf(stored));
      }
    }
    return levels;
  }

  /**
   * Writes the levels that changed from {@code previous} to {@code next}; a check absent from (or
   * null in) {@code next} keeps its previous level, so only decided checks need to be in it.
   */
  public void update(
      String subjectKey,
      Map<DiscrepancyType, Severity> previous,
      Map<DiscrepancyType, Severity> next) {
    next.forEach(
        (type, level) -> {
          if (level == null && previous.get(type) != null) {
            store.delete(key(subjectKey, type));
          } else if (level != null && level != previous.get(type)) {
            store.put(key(subjectKey, type), level.name());
          }
        });
  }

  /** Forgets every level of the subject, when it leaves the design. */
  public void forget(String subjectKey, Collection<DiscrepancyType> types) {
    for (DiscrepancyType type : types) {
      store.delete(key(subjectKey, type));
    }
  }

  private static String key(String subjectKey, DiscrepancyType type) {
    return subjectKey + "/" + type.name();
  }
}
