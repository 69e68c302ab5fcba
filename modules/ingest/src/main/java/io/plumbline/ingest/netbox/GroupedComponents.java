package io.plumbline.ingest.netbox;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Components by their own id and by the object they belong to (a device, a device type, a feed), so
 * both a webhook for one component and a lookup per owner stay cheap at site scale.
 */
final class GroupedComponents<V> {

  private final Function<V, String> owner;
  private final Map<String, V> byId = new HashMap<>();
  private final Map<String, Map<String, V>> byOwner = new HashMap<>();

  GroupedComponents(Function<V, String> owner) {
    this.owner = owner;
  }

  /** Replaces (or with null removes) the component; returns the previous one. */
  V put(String id, V value) {
    V previous = byId.remove(id);
    if (previous != null) {
      Map<String, V> group = byOwner.get(owner.apply(previous));
      group.remove(id);
      if (group.isEmpty()) {
        byOwner.remove(owner.apply(previous));
      }
    }
    if (value != null) {
      byId.put(id, value);
      byOwner.computeIfAbsent(owner.apply(value), k -> new HashMap<>()).put(id, value);
    }
    return previous;
  }

  void clear() {
    byId.clear();
    byOwner.clear();
  }

  /** The components of one owner, in no particular order. */
  Collection<V> of(String ownerId) {
    Map<String, V> group = byOwner.get(ownerId);
    return group == null ? List.of() : group.values();
  }
}
