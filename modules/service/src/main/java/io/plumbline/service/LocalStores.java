package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads this instance's active partitions of a store (interactive queries), as API JSON. A store
 * that is not queryable here right now (starting, restoring, migrating) is a 503. Window stores are
 * read whole (they only hold their retention) or per key, each window as one entry.
 */
final class LocalStores {

  // The store only walks up to its newest record, so a far upper bound costs nothing.
  private static final Instant FAR_AHEAD = Instant.parse("9999-01-01T00:00:00Z");

  private final KafkaStreams streams;
  private final StoreJson json;

  LocalStores(KafkaStreams streams, StoreJson json) {
    this.streams = streams;
    this.json = json;
  }

  Optional<ObjectNode> get(ApiStore store, String key, boolean withHistory) {
    if (store.windowed()) {
      throw ApiException.badRequest(store.apiName() + " is a window store: ask for its windows");
    }
    try {
      return Optional.ofNullable(json.of(store, store(store).get(key), withHistory));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
    }
  }

  /**
   * The windows of one key held here that start at or after {@code from}, oldest first. The lower
   * bound matters: a caching window store walks every segment interval from it to the newest
   * record, so "from the epoch" would take millions of steps.
   */
  List<ObjectNode> windows(ApiStore store, String key, Instant from) {
    List<ObjectNode> out = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, Object> windows =
        windowStore(store).fetch(key, key, from, FAR_AHEAD)) {
      while (windows.hasNext()) {
        KeyValue<Windowed<String>, Object> window = windows.next();
        ObjectNode node = json.ofWindow(store, window.key, window.value);
        if (node != null) {
          out.add(node);
        }
      }
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
    }
    return out;
  }

  List<ObjectNode> scan(ApiStore store, Predicate<ObjectNode> filter, boolean withHistory) {
    List<ObjectNode> out = new ArrayList<>();
    try {
      if (store.windowed()) {
        try (KeyValueIterator<Windowed<String>, Object> all = windowStore(store).all()) {
          while (all.hasNext()) {
            KeyValue<Windowed<String>, Object> entry = all.next();
            ObjectNode node = json.ofWindow(store, entry.key, entry.value);
            if (node != null && filter.test(node)) {
              out.add(node);
            }
          }
        }
        return out;
      }
      try (KeyValueIterator<String, Object> all = store(store).all()) {
        while (all.hasNext()) {
          KeyValue<String, Object> entry = all.next();
          ObjectNode node = json.of(store, entry.value, withHistory);
          if (node != null && filter.test(node)) {
            out.add(node);
          }
        }
      }
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
    }
    return out;
  }

  /** Raw values of this instance's partitions, for metrics and the discrepancy history. */
  <V> void forEach(ApiStore store, java.util.function.Consumer<V> action) {
    ReadOnlyKeyValueStore<String, V> kv = store(store);
    try (KeyValueIterator<String, V> all = kv.all()) {
      all.forEachRemaining(entry -> action.accept(entry.value));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
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

  private <V> ReadOnlyWindowStore<String, V> windowStore(ApiStore store) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(
              store.storeName(), QueryableStoreTypes.<String, V>windowStore()));
    } catch (InvalidStateStoreException e) {
      throw ApiException.unavailable(store.apiName() + " is not queryable yet: " + e.getMessage());
    }
  }
}
