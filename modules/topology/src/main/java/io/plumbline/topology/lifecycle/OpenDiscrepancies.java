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
 * escapedSubjectKey/discrepancyId} so that one prefix scan finds a subject's open set.
 *
 * <p>The subject key is escaped ({@code %} as {@code %25}, {@code /} as {@code %2F}) so that the
 * separator never occurs inside it: without that, the prefix of subject {@code a} would also match
 * the entries of subject {@code a/b}. Keys without {@code %} or {@code /} are stored unchanged.
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
    String prefix = prefix(subjectKey);
    for (Discrepancy d : before) {
      if (!after.containsKey(d.getId())) {
        store.delete(prefix + d.getId());
      }
    }
    after.forEach((id, d) -> store.put(prefix + id, d));
  }

  /** The store key prefix of a subject: its escaped key and the separator. */
  static String prefix(String subjectKey) {
    if (subjectKey.indexOf('%') < 0 && subjectKey.indexOf('/') < 0) {
      return subjectKey + "/";
    }
    return subjectKey.replace("%", "%25").replace("/", "%2F") + "/";
  }
}
