package io.plumbline.topology.identity;

import io.plumbline.avro.internal.v1.IdSet;
import java.util.List;
import java.util.TreeSet;

/**
 * Copy-on-write updates of an {@link IdSet}, kept sorted so equal sets serialise equally. Removing
 * the last id gives null, which deletes the index entry, so an index keeps no entry for a value no
 * device carries any more.
 */
public final class IdSets {

  private IdSets() {}

  public static IdSet with(IdSet set, String id) {
    TreeSet<String> ids = new TreeSet<>(set == null ? List.of() : set.getIds());
    ids.add(id);
    return new IdSet(List.copyOf(ids));
  }

  public static IdSet without(IdSet set, String id) {
    if (set == null) {
      return null;
    }
    TreeSet<String> ids = new TreeSet<>(set.getIds());
    ids.remove(id);
    return ids.isEmpty() ? null : new IdSet(List.copyOf(ids));
  }
}
