package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Interactive queries across every instance of the application. A key lookup goes to the instance
 * whose active task holds the key (Kafka Streams' metadata for the key); a list query asks every
 * instance that hosts the store for its matching entries and merges them. An instance that runs
 * alone ({@code application.server} unset) answers everything from its own stores.
 */
final class StoreQueries {

  private final KafkaStreams streams;
  private final HostInfo self;
  private final LocalStores local;
  private final InstanceClient remote;

  StoreQueries(KafkaStreams streams, HostInfo self, LocalStores local, InstanceClient remote) {
    this.streams = streams;
    this.self = self;
    this.local = local;
    this.remote = remote;
  }

  /** The entry for the key, wherever it lives. */
  Optional<ObjectNode> get(ApiStore store, String key) {
    HostInfo owner = owner(store, key);
    if (owner == null || owner.equals(self)) {
      return local.get(store, key, true);
    }
    return remote.get(owner, store, key);
  }

  /** The key's windows starting at or after {@code from}, oldest first, wherever the key lives. */
  List<ObjectNode> windows(ApiStore store, String key, java.time.Instant from) {
    HostInfo owner = owner(store, key);
    List<ObjectNode> windows =
        owner == null || owner.equals(self)
            ? local.windows(store, key, from)
            : remote.windows(owner, store, key, from);
    windows.sort(Comparator.comparing(n -> n.path("windowStart").asText()));
    return windows;
  }

  /** This instance's windows of the key (the internal route other instances call). */
  List<ObjectNode> windowsLocal(ApiStore store, String key, java.time.Instant from) {
    return local.windows(store, key, from);
  }

  /**
   * One answer per instance that hosts the store: computed here for this instance, fetched from the
   * others (the caller combines them, e.g. sums counts).
   */
  <T> List<T> perInstance(
      ApiStore store, Supplier<T> here, java.util.function.Function<HostInfo, T> there) {
    if (self == null) {
      return List.of(here.get());
    }
    List<T> out = new ArrayList<>();
    for (HostInfo host : hosts(store)) {
      out.add(host.equals(self) ? here.get() : there.apply(host));
    }
    return out;
  }

  /** Another instance's answer on an internal route. */
  com.fasterxml.jackson.databind.JsonNode remoteJson(
      HostInfo host, String path, Map<String, String> query) {
    return remote.json(host, path, query);
  }

  /** This instance's raw store values (e.g. to fold the discrepancy views into counts). */
  <V> void forEachLocal(ApiStore store, java.util.function.Consumer<V> action) {
    local.forEach(store, action);
  }

  /** Every matching entry of every instance; {@code params} are the list filters. */
  List<ObjectNode> scan(ApiStore store, Map<String, String> params) {
    Predicate<ObjectNode> filter = EntryFilters.of(store, params);
    boolean withHistory = "true".equals(params.get("history"));
    if (self == null) {
      return local.scan(store, filter, withHistory);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (HostInfo host : hosts(store)) {
      if (host.equals(self)) {
        out.addAll(local.scan(store, filter, withHistory));
      } else {
        out.addAll(remote.scan(host, store, params));
      }
    }
    return out;
  }

  /** This instance's matching entries only (the internal route other instances call). */
  List<ObjectNode> scanLocal(ApiStore store, Map<String, String> params) {
    return local.scan(store, EntryFilters.of(store, params), "true".equals(params.get("history")));
  }

  Optional<ObjectNode> getLocal(ApiStore store, String key) {
    return local.get(store, key, true);
  }

  /** How many instances a list query asks right now. */
  int instances(ApiStore store) {
    return self == null ? 1 : hosts(store).size();
  }

  private HostInfo owner(ApiStore store, String key) {
    if (self == null) {
      return null;
    }
    KeyQueryMetadata metadata;
    try {
      metadata = streams.queryMetadataForKey(store.storeName(), key, Serdes.String().serializer());
    } catch (StreamsException | IllegalStateException e) {
      throw ApiException.unavailable(
          "no metadata for " + store.apiName() + " yet: " + e.getMessage());
    }
    if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
      throw ApiException.unavailable(
          "no instance holds " + store.apiName() + " key '" + key + "' right now (rebalancing?)");
    }
    return metadata.activeHost();
  }

  private Collection<HostInfo> hosts(ApiStore store) {
    Collection<StreamsMetadata> metadata;
    try {
      metadata = streams.streamsMetadataForStore(store.storeName());
    } catch (StreamsException | IllegalStateException e) {
      throw ApiException.unavailable(
          "no metadata for " + store.apiName() + " yet: " + e.getMessage());
    }
    Set<HostInfo> hosts = new LinkedHashSet<>();
    metadata.forEach(m -> hosts.add(m.hostInfo()));
    if (hosts.isEmpty()) {
      throw ApiException.unavailable("no instance hosts " + store.apiName() + " yet");
    }
    return hosts;
  }
}
