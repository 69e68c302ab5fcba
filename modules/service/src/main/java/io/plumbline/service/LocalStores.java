package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads this instance's active partitions of a store (interactive queries), as API JSON. A store
 * that is not queryable here right now (starting, restoring, migrating) is a 503.
 */
final class LocalStores {

  private final KafkaStreams streams;
  private final StoreJson json;

  LocalStores(KafkaStreams streams, StoreJson json) {
    this.streams = streams;
    this.json = json;
  }

  Optional<ObjectNode> get(ApiStore store, String key, boolean withHistory) {
    return Optional.ofNullable(json.of(store, store(store).get(key), withHistory));
  }

  List<ObjectNode> scan(ApiStore store, Predicate<ObjectNode> filter, boolean withHistory) {
    List<ObjectNode> out = new ArrayList<>();
    try (KeyValueIterator<String, Object> all = store(store).all()) {
      while (all.hasNext()) {
        KeyValue<String, Object> entry = all.next();
        ObjectNode node = json.of(store, entry.value, withHistory);
        if (node != null && filter.test(node)) {
          out.add(node);
        }
      }
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
    }
    return out;
  }

  /** Raw values of this instance's partitions, for metrics. */
  <V> void forEach(ApiStore store, java.util.function.Consumer<V> action) {
    ReadOnlyKeyValueStore<String, V> kv = store(store);
    try (KeyValueIterator<String, V> all = kv.all()) {
      all.forEachRemaining(entry -> action.accept(entry.value));
    }
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(ApiStore store) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              store.storeName(), QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
    }
  }
}
