package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.topology.PlumblineTopics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Keeps the intent topics in step with NetBox. A full sync lists every endpoint and publishes a
 * tombstone for each object listed last time and gone now; an incremental sync asks each intent
 * endpoint only for objects changed since its high-water mark ({@code last_updated__gte}), finds
 * deletions from a {@code brief} listing of the ids still there, and re-publishes the devices,
 * device types and feeds whose derived values (BMC MAC, draws) changed through their components.
 * Webhook events go through the same mapping ({@link #apply}).
 *
 * <p>An endpoint that cannot be read is reported and skipped with the records that need it; its
 * objects keep their last published state (no tombstones from a failed listing). An object that
 * cannot be mapped goes to the dead-letter topic with the reason.
 */
public final class NetboxSync {

  /** The source name in counters and dead letters. */
  public static final String SOURCE = "netbox";

  private static final int FETCH_BY_ID_CHUNK = 100;
  private static final List<NetboxEndpoint> DERIVED =
      List.of(NetboxEndpoint.DEVICE_TYPES, NetboxEndpoint.DEVICES, NetboxEndpoint.POWER_FEEDS);

  private final NetboxClient client;
  private final SyncState state;
  private final IngestContext context;
  private final ComponentIndex index = new ComponentIndex();
  private final IntentMapper mapper;
  private final Map<NetboxEndpoint, Map<String, JsonNode>> lastObjects =
      new EnumMap<>(NetboxEndpoint.class);
  private int problems;

  /**
   * @param client the NetBox API, or null when only webhooks feed this sync
   * @param state what earlier syncs saw
   */
  NetboxSync(NetboxClient client, SyncState state, IngestContext context) {
    this(client, state, DeviceTypeLibrary.none(), context);
  }

  /**
   * @param library device types that fill in what NetBox's leave out
   */
  NetboxSync(
      NetboxClient client, SyncState state, DeviceTypeLibrary library, IngestContext context) {
    this.client = client;
    this.state = state;
    this.context = context;
    this.mapper = new IntentMapper(index, library, context.progress());
    DERIVED.forEach(e -> lastObjects.put(e, new HashMap<>()));
  }

  /** Problems (unreadable endpoints, rejected objects) since this sync was created. */
  synchronized int problems() {
    return problems;
  }

  /**
   * Reads NetBox once, in full when asked or when nothing was read before, else incrementally.
   *
   * @return the number of problems of this sync (unreadable endpoints and rejected objects)
   */
  public synchronized int sync(boolean full) throws InterruptedException {
    int before = problems;
    boolean fullListing = full || state.isEmpty();
    context
        .progress()
        .printf("netbox: %s sync of %s%n", fullListing ? "full" : "incremental", client.baseUrl());
    Set<NetboxEndpoint> failed = new HashSet<>();
    Map<NetboxEndpoint, Set<String>> changed = new EnumMap<>(NetboxEndpoint.class);
    for (NetboxEndpoint endpoint : NetboxEndpoint.values()) {
      List<NetboxEndpoint> missing = endpoint.needs.stream().filter(failed::contains).toList();
      if (!missing.isEmpty()) {
        failed.add(endpoint);
        problems++;
        context
            .progress()
            .printf(
                "netbox: %s not read: it needs %s, which could not be read%n",
                endpoint.name, missing.stream().map(e -> e.name).toList());
        continue;
      }
      try {
        changed.put(endpoint, read(endpoint, fullListing));
      } catch (NetboxEndpointException e) {
        failed.add(endpoint);
        problems++;
        context.progress().printf("netbox: %s not read: %s%n", endpoint.name, e.getMessage());
      }
    }
    if (!fullListing) {
      for (NetboxEndpoint endpoint : DERIVED) {
        if (!failed.contains(endpoint)) {
          refreshDerived(endpoint, changed.getOrDefault(endpoint, Set.of()));
        }
      }
    }
    return problems - before;
  }

  /** Lists one endpoint; returns the ids listed. */
  private Set<String> read(NetboxEndpoint endpoint, boolean fullListing)
      throws NetboxEndpointException, InterruptedException {
    SyncState.EndpointState saved = state.endpoint(endpoint.name);
    boolean incremental = endpoint.intent && !fullListing && saved.highWater != null;
    Map<String, List<String>> filters = new LinkedHashMap<>(endpoint.filters);
    if (incremental) {
      filters.put("last_updated__gte", List.of(saved.highWater));
    }
    if (!endpoint.intent) {
      index.clear(endpoint);
    }
    Set<String> listed = new HashSet<>();
    String[] highWater = {saved.highWater};
    int[] rejectedBefore = {problems};
    long count =
        client.list(
            endpoint.path(),
            filters,
            page ->
                inBatch(
                    () -> {
                      for (JsonNode object : page) {
                        context.counters().count(SOURCE, Outcome.READ);
                        String id = NetboxJson.id(object);
                        listed.add(id);
                        String updated = NetboxJson.text(object, "last_updated");
                        if (updated != null
                            && (highWater[0] == null || updated.compareTo(highWater[0]) > 0)) {
                          highWater[0] = updated;
                        }
                        if (endpoint.intent) {
                          publish(endpoint, object);
                        } else {
                          indexComponent(endpoint, object);
                        }
                      }
                    }));
    int deleted = 0;
    if (endpoint.intent && !incremental) {
      deleted = tombstoneAllBut(endpoint, listed);
    } else if (endpoint.intent) {
      deleted = deletedSince(endpoint);
    }
    saved.highWater = highWater[0];
    context
        .progress()
        .printf(
            "netbox: %s: %d listed%s,%s %d rejected%n",
            endpoint.name,
            count,
            incremental ? " (changed since " + saved.highWater + ")" : "",
            endpoint.intent ? " " + deleted + " deleted," : "",
            problems - rejectedBefore[0]);
    return listed;
  }

  /**
   * Finds the objects deleted since the last sync, which a {@code last_updated} filter cannot list:
   * the ids of the whole endpoint, in the {@code brief} form both NetBox 3.x and 4.x offer, against
   * the ids published. A failed id listing tombstones nothing and is reported.
   *
   * @return how many tombstones were published
   */
  private int deletedSince(NetboxEndpoint endpoint) throws InterruptedException {
    Map<String, List<String>> filters = new LinkedHashMap<>(endpoint.filters);
    filters.put("brief", List.of("true"));
    Set<String> present = new HashSet<>();
    try {
      client.list(
          endpoint.path(),
          filters,
          page -> page.stream().map(NetboxJson::id).filter(Objects::nonNull).forEach(present::add));
    } catch (NetboxEndpointException e) {
      problems++;
      context
          .progress()
          .printf("netbox: %s: deletions not checked: %s%n", endpoint.name, e.getMessage());
      return 0;
    }
    return tombstoneAllBut(endpoint, present);
  }

  /** Publishes a tombstone for each id published earlier and absent from {@code present}. */
  private int tombstoneAllBut(NetboxEndpoint endpoint, Set<String> present) {
    List<String> gone =
        state.endpoint(endpoint.name).ids.stream().filter(id -> !present.contains(id)).toList();
    if (!gone.isEmpty()) {
      inBatch(() -> gone.forEach(id -> tombstone(endpoint, id)));
    }
    return gone.size();
  }

  /**
   * Re-publishes the records of {@code endpoint} whose derived value changed through a component
   * since they were published, and that were not just listed anyway.
   */
  private void refreshDerived(NetboxEndpoint endpoint, Set<String> justListed)
      throws InterruptedException {
    SyncState.EndpointState saved = state.endpoint(endpoint.name);
    List<String> stale = new ArrayList<>();
    for (String id : saved.ids) {
      if (!justListed.contains(id)
          && !Objects.equals(saved.derived.get(id), derived(endpoint, id))) {
        stale.add(id);
      }
    }
    List<String> toFetch = new ArrayList<>();
    inBatch(
        () -> {
          for (String id : stale) {
            JsonNode last = lastObjects.get(endpoint).get(id);
            if (last != null) {
              publish(endpoint, last);
            } else {
              toFetch.add(id);
            }
          }
        });
    for (int from = 0; from < toFetch.size(); from += FETCH_BY_ID_CHUNK) {
      List<String> chunk =
          toFetch.subList(from, Math.min(toFetch.size(), from + FETCH_BY_ID_CHUNK));
      try {
        client.list(
            endpoint.path(),
            Map.of("id", chunk),
            page -> inBatch(() -> page.forEach(object -> publish(endpoint, object))));
      } catch (NetboxEndpointException e) {
        problems++;
        context
            .progress()
            .printf("netbox: %s not re-read after a component change: %s%n", endpoint.name, e);
      }
    }
  }

  /**
   * Applies one NetBox webhook event ({@code created}, {@code updated}, {@code deleted} of a {@code
   * model} with its {@code data}).
   *
   * @return what was done, for the webhook's response and the log
   */
  public synchronized String apply(String event, String model, JsonNode data) {
    NetboxEndpoint endpoint = NetboxEndpoint.ofModel(model);
    if (endpoint == null || data == null || NetboxJson.id(data) == null) {
      return "ignored " + model + " " + event;
    }
    context.counters().count(SOURCE, Outcome.READ);
    String id = NetboxJson.id(data);
    boolean deleted = "deleted".equals(event);
    inBatch(
        () -> {
          if (endpoint.intent) {
            if (deleted) {
              tombstone(endpoint, id);
            } else {
              publish(endpoint, data);
            }
          } else {
            String owners =
                deleted ? removeComponent(endpoint, id) : indexComponent(endpoint, data);
            republishOwners(endpoint, owners);
          }
        });
    return event + " " + model + " " + id;
  }

  private void republishOwners(NetboxEndpoint component, String owners) {
    NetboxEndpoint owner =
        switch (component) {
          case INTERFACES -> NetboxEndpoint.DEVICES;
          case POWER_PORT_TEMPLATES -> NetboxEndpoint.DEVICE_TYPES;
          case POWER_PORTS -> NetboxEndpoint.POWER_FEEDS;
          default -> null;
        };
    if (owner == null || owners == null) {
      return;
    }
    for (String id : owners.split(",")) {
      JsonNode last = lastObjects.get(owner).get(id);
      if (last != null) {
        publish(owner, last);
      } else {
        context
            .progress()
            .printf(
                "netbox: %s %s changed through its %s; it is re-published by the next sync%n",
                owner.model, id, component.name);
      }
    }
  }

  private String indexComponent(NetboxEndpoint endpoint, JsonNode object) {
    return switch (endpoint) {
      case INTERFACES -> index.putInterface(object);
      case POWER_PORT_TEMPLATES -> index.putTemplate(object);
      case POWER_PORTS -> index.putPowerPort(object);
      case POWER_PANELS -> {
        index.putPanel(object);
        yield null;
      }
      case MODULE_TYPES -> {
        // A type's modules take its new values when next listed (or on the next full sync).
        index.putModuleType(object);
        yield null;
      }
      default -> null;
    };
  }

  private String removeComponent(NetboxEndpoint endpoint, String id) {
    return switch (endpoint) {
      case INTERFACES -> index.removeInterface(id);
      case POWER_PORT_TEMPLATES -> index.removeTemplate(id);
      case POWER_PORTS -> index.removePowerPort(id);
      case MODULE_TYPES -> {
        index.removeModuleType(id);
        yield null;
      }
      default -> null;
    };
  }

  private void publish(NetboxEndpoint endpoint, JsonNode object) {
    String id = NetboxJson.id(object);
    SyncState.EndpointState saved = state.endpoint(endpoint.name);
    SpecificRecord record;
    try {
      record = map(endpoint, object);
    } catch (UnusableObjectException e) {
      problems++;
      String reason = "netbox " + endpoint.model + " " + id + ": " + e.getMessage();
      context.progress().println("netbox: rejected " + reason);
      context
          .sink()
          .deadLetter(
              SOURCE,
              endpoint.path() + id + "/",
              object.toString().getBytes(StandardCharsets.UTF_8),
              reason);
      context.counters().count(SOURCE, Outcome.REJECTED);
      return;
    }
    if (record == null) {
      // Not an object Plumbline checks (a console or power cable); if it was one, it is gone.
      if (saved.ids.contains(id)) {
        tombstone(endpoint, id);
      }
      return;
    }
    context.sink().send(topic(endpoint), id, record);
    context.counters().count(SOURCE, Outcome.PUBLISHED);
    saved.ids.add(id);
    if (lastObjects.containsKey(endpoint)) {
      saved.derived.put(id, derived(endpoint, id));
      lastObjects.get(endpoint).put(id, object);
    }
  }

  private void tombstone(NetboxEndpoint endpoint, String id) {
    SyncState.EndpointState saved = state.endpoint(endpoint.name);
    context.sink().send(topic(endpoint), id, null);
    context.counters().count(SOURCE, Outcome.PUBLISHED);
    saved.ids.remove(id);
    saved.derived.remove(id);
    if (lastObjects.containsKey(endpoint)) {
      lastObjects.get(endpoint).remove(id);
    }
  }

  private SpecificRecord map(NetboxEndpoint endpoint, JsonNode object)
      throws UnusableObjectException {
    return switch (endpoint) {
      case SITES -> mapper.site(object);
      case RACKS -> mapper.rack(object);
      case DEVICE_TYPES -> mapper.deviceType(object);
      case DEVICES -> mapper.device(object);
      case POWER_FEEDS -> mapper.powerFeed(object);
      case CABLES -> mapper.cable(object);
      case MODULES -> mapper.module(object);
      default -> throw new IllegalArgumentException(endpoint + " is not an intent endpoint");
    };
  }

  private String derived(NetboxEndpoint endpoint, String id) {
    return switch (endpoint) {
      case DEVICES -> String.valueOf(index.bmcMac(id));
      case DEVICE_TYPES -> index.maximumDraw(id) + "/" + index.allocatedDraw(id);
      case POWER_FEEDS -> String.valueOf(index.feedAllocatedDraw(id));
      default -> "";
    };
  }

  private String topic(NetboxEndpoint endpoint) {
    PlumblineTopics topics = context.topics();
    return switch (endpoint) {
      case SITES -> topics.intentSites();
      case RACKS -> topics.intentRacks();
      case DEVICE_TYPES -> topics.intentDeviceTypes();
      case DEVICES -> topics.intentDevices();
      case POWER_FEEDS -> topics.intentPowerFeeds();
      case CABLES -> topics.intentCables();
      case MODULES -> topics.intentModules();
      default -> throw new IllegalArgumentException(endpoint + " has no topic");
    };
  }

  /** Runs {@code work} as one all-or-nothing batch of the sink. */
  private void inBatch(Runnable work) {
    context.sink().beginBatch();
    try {
      work.run();
    } catch (RuntimeException e) {
      context.sink().abortBatch();
      throw e;
    }
    context.sink().commitBatch();
  }
}
