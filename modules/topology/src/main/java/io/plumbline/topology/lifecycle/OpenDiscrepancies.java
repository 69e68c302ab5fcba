package io.plumbline.topology.lifecycle;

import io.plumbline.avro.v1.Discrepancy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open discrepancies of each subject, in a key-value store keyed {@code
 * subjectKey/discrepancyId} so that one prefix scan finds a subject's open set.
 */
public final class OpenDiscrepancies {

  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, Discrepancy> store;

  public OpenDiscrepancies(KeyValueStore<String, Discrepancy> store) {
    this.store = store;
  }

  /** The discrepancies currently open for the subject. */
  public List<Discrepancy> of(String subjectKey) {
    List<Discrepancy> open = new ArrayList<>();
    try (KeyValueIterator<String, Discrepancy> it = store.prefixScan(prefix(subjectKey), KEYS)) {
      it.forEachRemaining(kv -> open.add(kv.value));
    }
    return open;
  }

  /** Replaces the subject's open set {@code before} by {@code after}. */
  public void replace(String subjectKey, List<Discrepancy> before, Map<String, Discrepancy> after) {
    for (Discrepancy d : before) {
      if (!after.containsKey(d.getId())) {
        store.delete(prefix(subjectKey) + d.getId());
      }
    }
    after.forEach((id, d) -> store.put(prefix(subjectKey) + id, d));
  }

  private static String prefix(String subjectKey) {
    return subjectKey + "/";
  }
}
