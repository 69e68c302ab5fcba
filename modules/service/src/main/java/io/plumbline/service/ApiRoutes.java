package io.plumbline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.serde.AvroJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Every route the service serves, documented in {@code /openapi.json} and docs/api.md. Routes read
 * through {@link StoreQueries} (any instance answers any query) and write acknowledgements through
 * {@link AcknowledgementWriter}.
 */
final class ApiRoutes {

  static final String OPENAPI_RESOURCE = "/io/plumbline/service/openapi.json";
  static final int MAX_STREAM_CLIENTS = 64;
  private static final long KEEPALIVE_SECONDS = 15;
  private static final int STREAM_BUFFER = 1_000;
  private static final Duration HISTORY_LOOKBACK = Duration.ofDays(1);
  private static final String INTERNAL_DISCREPANCY_HISTORY = "/internal/history/discrepancies";

  private static final Comparator<JsonNode> SEVERITY_THEN_RECENT =
      Comparator.<JsonNode>comparingInt(n -> severityRank(n.path("severity").asText()))
          .thenComparing(n -> n.path("changedAt").asText(), Comparator.reverseOrder())
          .thenComparing(n -> n.path("id").asText());

  private final Supplier<KafkaStreams.State> state;
  private final Readiness readiness;
  private final StoreQueries queries;
  private final AcknowledgementWriter acknowledgements;
  private final TransitionStream transitions;
  private final ServiceMetrics metrics;
  private final BearerToken token;
  private final Clock clock;
  private final AtomicInteger streamClients = new AtomicInteger();

  ApiRoutes(
      Supplier<KafkaStreams.State> state,
      Readiness readiness,
      StoreQueries queries,
      AcknowledgementWriter acknowledgements,
      TransitionStream transitions,
      ServiceMetrics metrics,
      BearerToken token,
      Clock clock) {
    this.state = state;
    this.readiness = readiness;
    this.queries = queries;
    this.acknowledgements = acknowledgements;
    this.transitions = transitions;
    this.metrics = metrics;
    this.token = token;
    this.clock = clock;
  }

  Router router() {
    Router.Access open = Router.Access.OPEN;
    Router.Access read = Router.Access.READ;
    Router.Access write = Router.Access.WRITE;
    return new Router()
        .add("GET", "/", open, (Router.Handler.Complete) r -> DashboardAssets.index())
        .add(
            "GET",
            "/ui/{file}",
            open,
            (Router.Handler.Complete) r -> DashboardAssets.file(r.param("file")))
        .add("GET", "/health", open, (Router.Handler.Complete) this::health)
        .add("GET", "/ready", open, (Router.Handler.Complete) this::ready)
        .add("GET", "/metrics", read, (Router.Handler.Complete) this::metrics)
        .add("GET", "/openapi.json", read, (Router.Handler.Complete) r -> openApi())
        .add("GET", "/api/discrepancies", read, (Router.Handler.Complete) this::discrepancies)
        .add("GET", "/api/discrepancies/{id}", read, (Router.Handler.Complete) this::discrepancy)
        .add(
            "POST",
            "/api/discrepancies/{id}/ack",
            write,
            (Router.Handler.Complete) this::acknowledge)
        .add(
            "DELETE",
            "/api/discrepancies/{id}/ack",
            write,
            (Router.Handler.Complete) this::withdraw)
        .add("GET", "/api/devices", read, (Router.Handler.Complete) this::devices)
        .add("GET", "/api/devices/{id}", read, (Router.Handler.Complete) this::device)
        .add("GET", "/api/devices/{id}/cables", read, (Router.Handler.Complete) this::cables)
        .add("GET", "/api/feeds", read, (Router.Handler.Complete) this::feeds)
        .add("GET", "/api/feeds/{id}", read, (Router.Handler.Complete) this::feed)
        .add("GET", "/api/feeds/{id}/history", read, (Router.Handler.Complete) this::feedHistory)
        .add("GET", "/api/racks", read, (Router.Handler.Complete) this::racks)
        .add("GET", "/api/racks/{id}", read, (Router.Handler.Complete) this::rack)
        .add("GET", "/api/racks/{id}/cooling", read, (Router.Handler.Complete) this::rackCooling)
        .add("GET", "/api/cooling", read, (Router.Handler.Complete) this::cooling)
        .add(
            "GET",
            "/api/history/discrepancies",
            read,
            (Router.Handler.Complete) this::discrepancyHistory)
        .add("GET", "/api/session", open, (Router.Handler.Complete) this::session)
        .add("POST", "/api/session", write, (Router.Handler.Complete) this::startSession)
        .add("DELETE", "/api/session", open, (Router.Handler.Complete) this::endSession)
        .add("GET", "/api/stream", read, (Router.Handler.Streaming) this::stream)
        .add(
            "GET",
            "/internal/stores/{store}/keys/{key}",
            read,
            (Router.Handler.Complete) this::localGet)
        .add(
            "GET",
            "/internal/stores/{store}/keys/{key}/windows",
            read,
            (Router.Handler.Complete) this::localWindows)
        .add(
            "GET",
            "/internal/stores/{store}/entries",
            read,
            (Router.Handler.Complete) this::localScan)
        .add(
            "GET",
            INTERNAL_DISCREPANCY_HISTORY,
            read,
            (Router.Handler.Complete) this::localDiscrepancyHistory);
  }

  private ApiResponse health(ApiRequest request) {
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("status", "UP");
    body.put("state", state.get().name());
    return ApiResponse.json(200, body);
  }

  private ApiResponse ready(ApiRequest request) {
    KafkaStreams.State now = state.get();
    boolean ready = readiness.ready(now);
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("ready", ready);
    body.put("state", now.name());
    body.put("restoringPartitions", readiness.restoringPartitions());
    return ApiResponse.json(ready ? 200 : 503, body);
  }

  private ApiResponse metrics(ApiRequest request) {
    return ApiResponse.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
  }

  private static ApiResponse openApi() throws IOException {
    try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return new ApiResponse(200, ApiResponse.JSON_TYPE, in.readAllBytes(), Map.of());
    }
  }

  private ApiResponse discrepancies(ApiRequest request) {
    List<ObjectNode> items = queries.scan(ApiStore.DISCREPANCIES, withoutHistory(request.query()));
    return list(items, SEVERITY_THEN_RECENT);
  }

  private ApiResponse discrepancy(ApiRequest request) {
    return ApiResponse.json(200, found(ApiStore.DISCREPANCIES, request.param("id")));
  }

  private ApiResponse acknowledge(ApiRequest request) {
    String id = request.param("id");
    JsonNode body;
    try {
      body = ApiResponse.JSON.readTree(request.body());
    } catch (IOException e) {
      throw ApiException.badRequest(
          "body must be JSON {\"by\", \"reason\", \"until\"}: " + e.getMessage());
    }
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("body must be a JSON object {\"by\", \"reason\", \"until\"}");
    }
    String by = requiredText(body, "by");
    String reason = requiredText(body, "reason");
    Instant until = null;
    JsonNode untilNode = body.path("until");
    if (!untilNode.isMissingNode() && !untilNode.isNull()) {
      try {
        until = Instant.parse(untilNode.asText());
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(
            "until must be an ISO-8601 instant such as 2026-12-01T08:00:00Z");
      }
    }
    ObjectNode current = found(ApiStore.DISCREPANCIES, id);
    if ("RESOLVED".equals(current.path("state").asText())) {
      throw new ApiException(409, id + " is resolved; there is nothing to acknowledge");
    }
    Acknowledgement ack =
        Acknowledgement.newBuilder()
            .setDiscrepancyId(id)
            .setBy(by)
            .setReason(reason)
            .setUntil(until)
            .setAcknowledgedAt(clock.instant())
            .build();
    acknowledgements.record(ack);
    return ApiResponse.json(202, AvroJson.of(ack));
  }

  private ApiResponse withdraw(ApiRequest request) {
    String id = request.param("id");
    found(ApiStore.DISCREPANCIES, id);
    acknowledgements.withdraw(id);
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("discrepancyId", id);
    body.put("withdrawn", true);
    return ApiResponse.json(202, body);
  }

  /** Reconciled devices, filtered by serial, rack or site, by name (the dashboard's summary). */
  private ApiResponse devices(ApiRequest request) {
    return list(
        queries.scan(ApiStore.DEVICES, request.query()),
        Comparator.comparing(n -> n.path("name").asText()));
  }

  /** By NetBox id first; otherwise the id is taken as a serial number. */
  private ApiResponse device(ApiRequest request) {
    String id = request.param("id");
    Optional<ObjectNode> byId = queries.get(ApiStore.DEVICES, id);
    if (byId.isPresent()) {
      return ApiResponse.json(200, byId.get());
    }
    List<ObjectNode> bySerial = queries.scan(ApiStore.DEVICES, Map.of("serial", id));
    if (bySerial.isEmpty()) {
      throw ApiException.notFound("no device with NetBox id or serial '" + id + "'");
    }
    if (bySerial.size() > 1) {
      throw new ApiException(409, bySerial.size() + " devices report serial '" + id + "'");
    }
    return ApiResponse.json(200, bySerial.get(0));
  }

  private ApiResponse feed(ApiRequest request) {
    return ApiResponse.json(200, withLoad(found(ApiStore.FEEDS, request.param("id"))));
  }

  /** Every feed of the design with its latest load, by name (the dashboard's power view). */
  private ApiResponse feeds(ApiRequest request) {
    List<ObjectNode> items = queries.scan(ApiStore.FEEDS, request.query());
    items.replaceAll(this::withLoad);
    return list(items, Comparator.comparing(n -> n.path("name").asText()));
  }

  /** Every rack of the design, by name (the dashboard's rack picker). */
  private ApiResponse racks(ApiRequest request) {
    return list(
        queries.scan(ApiStore.RACKS, request.query()),
        Comparator.comparing(n -> n.path("name").asText()));
  }

  private ObjectNode withLoad(ObjectNode feed) {
    String id = feed.path("id").asText();
    Optional<ObjectNode> window = queries.get(ApiStore.FEED_WINDOWS, id);
    feed.set("load", window.isPresent() ? window.get() : ApiResponse.JSON.nullNode());
    JsonNode mean = window.map(w -> w.path("meanWatts")).orElse(null);
    if (mean != null && mean.isNumber()) {
      feed.put(
          "utilisation",
          StoreJson.utilisation(mean.asDouble(), feed.path("usableWatts").asDouble()));
    } else {
      feed.putNull("utilisation");
    }
    return feed;
  }

  /**
   * A device's cables: planned links, the LLDP neighbours its BMC reports, and each port's state
   * from its open CABLING discrepancies ({@link DeviceCables}).
   */
  private ApiResponse cables(ApiRequest request) {
    String id = request.param("id");
    Optional<ObjectNode> device = queries.get(ApiStore.DEVICES, id);
    Optional<ObjectNode> planned = queries.get(ApiStore.PLANNED_LINKS, id);
    Optional<ObjectNode> context = queries.get(ApiStore.DEVICE_CONTEXTS, id);
    if (device.isEmpty() && planned.isEmpty() && context.isEmpty()) {
      throw ApiException.notFound("no device with NetBox id '" + id + "'");
    }
    Map<String, String> filter = new HashMap<>(Map.of("domain", "CABLING"));
    String rackId = device.map(d -> d.path("rackId").asText(null)).orElse(null);
    if (rackId != null) {
      filter.put("rack", rackId);
    }
    ObjectNode body =
        DeviceCables.of(
            id,
            planned.orElse(null),
            context.orElse(null),
            queries.scan(ApiStore.DISCREPANCIES, filter));
    body.put("name", device.map(d -> d.path("name").asText(null)).orElse(null));
    return ApiResponse.json(200, body);
  }

  /** A feed's one-minute windows still kept (the power policy's window retention), oldest first. */
  private ApiResponse feedHistory(ApiRequest request) {
    String id = request.param("id");
    Optional<ObjectNode> feed = queries.get(ApiStore.FEEDS, id);
    // Windows follow event time: look back from the feed's latest closed window (else now) by far
    // more than the store keeps.
    Instant reference =
        queries
            .get(ApiStore.FEED_WINDOWS, id)
            .map(w -> Instant.parse(w.path("windowEnd").asText()))
            .orElse(clock.instant());
    List<ObjectNode> windows =
        queries.windows(ApiStore.FEED_HISTORY, id, reference.minus(HISTORY_LOOKBACK));
    if (feed.isEmpty() && windows.isEmpty()) {
      throw ApiException.notFound("no feed entry '" + id + "'");
    }
    double usable = feed.map(f -> f.path("usableWatts").asDouble(0)).orElse(0.0);
    for (ObjectNode window : windows) {
      JsonNode mean = window.path("meanWatts");
      if (mean.isNumber() && usable > 0) {
        window.put("utilisation", StoreJson.utilisation(mean.asDouble(), usable));
      } else {
        window.putNull("utilisation");
      }
    }
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("feedId", id);
    if (usable > 0) {
      body.put("usableWatts", usable);
    } else {
      body.putNull("usableWatts");
    }
    body.put("count", windows.size());
    ArrayNode items = body.putArray("items");
    windows.forEach(items::add);
    return ApiResponse.json(200, body);
  }

  /**
   * One rack's inlet temperatures, heat against cooling capacity and CDUs ({@link RackCooling}).
   */
  private ApiResponse rackCooling(ApiRequest request) {
    String id = request.param("id");
    Optional<ObjectNode> design = queries.get(ApiStore.RACKS, id);
    List<ObjectNode> windows = queries.scan(ApiStore.SENSOR_WINDOWS, Map.of("rack", id));
    Double heat =
        queries.get(ApiStore.RACK_LOADS, id).map(l -> loadWatts(l.path("feeds"))).orElse(null);
    if (design.isEmpty() && windows.isEmpty() && heat == null) {
      throw ApiException.notFound("nothing is known about rack '" + id + "'");
    }
    String cdus =
        String.join(
            ",",
            windows.stream()
                .map(w -> w.path("cduId").asText(null))
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new)));
    List<ObjectNode> cduWindows =
        cdus.isEmpty() ? List.of() : queries.scan(ApiStore.SENSOR_WINDOWS, Map.of("cdu", cdus));
    return ApiResponse.json(
        200, RackCooling.of(id, design.orElse(null), heat, windows, cduWindows));
  }

  /**
   * Every rack of the design and every rack with an inlet sensor: the hottest inlet and the heat
   * against cooling capacity (the power view's cooling list), by name.
   */
  private ApiResponse cooling(ApiRequest request) {
    if (!request.query().isEmpty()) {
      throw ApiException.badRequest("no parameter is known here");
    }
    Map<String, ObjectNode> racks = new TreeMap<>();
    queries.scan(ApiStore.RACKS, Map.of()).forEach(r -> racks.put(r.path("id").asText(), r));
    Map<String, List<ObjectNode>> windows = new TreeMap<>();
    for (ObjectNode window :
        queries.scan(ApiStore.SENSOR_WINDOWS, Map.of("kind", "INLET_TEMPERATURE"))) {
      String rackId = window.path("rackId").asText(null);
      if (rackId != null) {
        windows.computeIfAbsent(rackId, r -> new ArrayList<>()).add(window);
      }
    }
    Map<String, Double> heat = new HashMap<>();
    queries
        .scan(ApiStore.RACK_LOADS, Map.of())
        .forEach(load -> heat.put(load.path("rackId").asText(), loadWatts(load.path("feeds"))));
    Set<String> ids = new TreeSet<>(racks.keySet());
    ids.addAll(windows.keySet());
    List<ObjectNode> items = new ArrayList<>();
    for (String id : ids) {
      items.add(
          RackCooling.brief(
              RackCooling.of(
                  id,
                  racks.get(id),
                  heat.get(id),
                  windows.getOrDefault(id, List.of()),
                  List.of())));
    }
    return list(items, Comparator.comparing(n -> n.path("name").asText(n.path("rackId").asText())));
  }

  /** The sum of a rack's feeds' latest means; null when no feed has a closed window yet. */
  private static Double loadWatts(JsonNode feeds) {
    double sum = 0;
    boolean any = false;
    for (JsonNode feed : feeds) {
      if (feed.path("meanWatts").isNumber()) {
        sum += feed.path("meanWatts").asDouble();
        any = true;
      }
    }
    return any ? sum : null;
  }

  /** Open discrepancies per domain at evenly spaced instants ({@link DiscrepancyHistory}). */
  private ApiResponse discrepancyHistory(ApiRequest request) {
    List<Instant> instants = DiscrepancyHistory.instants(request.query(), clock.instant());
    Instant to = instants.get(instants.size() - 1);
    // Every instance must sample the same instants (points=1 included): pass on from, to and
    // points as resolved here rather than the request's own, possibly open-ended, query.
    Map<String, String> exact =
        Map.of(
            "from",
            request
                .query()
                .getOrDefault("from", to.minus(DiscrepancyHistory.DEFAULT_RANGE).toString()),
            "to",
            to.toString(),
            "points",
            Integer.toString(instants.size()));
    DiscrepancyHistory sum = DiscrepancyHistory.empty(instants);
    queries
        .perInstance(
            ApiStore.DISCREPANCIES,
            () -> localHistory(instants).json(),
            host -> queries.remoteJson(host, INTERNAL_DISCREPANCY_HISTORY, exact))
        .forEach(sum::add);
    ObjectNode body = sum.json();
    body.put("from", exact.get("from"));
    body.put("to", exact.get("to"));
    return ApiResponse.json(200, body);
  }

  private ApiResponse localDiscrepancyHistory(ApiRequest request) {
    return ApiResponse.json(
        200, localHistory(DiscrepancyHistory.instants(request.query(), clock.instant())).json());
  }

  private DiscrepancyHistory localHistory(List<Instant> instants) {
    DiscrepancyHistory history = DiscrepancyHistory.empty(instants);
    queries.<DiscrepancyView>forEachLocal(ApiStore.DISCREPANCIES, history::add);
    return history;
  }

  /** Whether reads need a session here, and whether this request has one (never the token). */
  private ApiResponse session(ApiRequest request) {
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("readsNeedToken", token.readsNeedIt());
    body.put(
        "authenticated",
        !token.readsNeedIt()
            || token.sessions().valid(request.header("cookie"))
            || token.hasToken(request.header("authorization")));
    return ApiResponse.json(200, body);
  }

  /**
   * Exchanges the bearer token (checked by the server before this runs) for a session cookie, so
   * that the dashboard's EventSource, which cannot send headers, may read the stream.
   */
  private ApiResponse startSession(ApiRequest request) {
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    if (!token.configured()) {
      body.put("readsNeedToken", false);
      body.putNull("expiresAt");
      return ApiResponse.json(200, body);
    }
    body.put("readsNeedToken", token.readsNeedIt());
    body.put("expiresAt", token.sessions().expiryOfNewSession().toString());
    return ApiResponse.json(200, body).withHeader("Set-Cookie", token.sessions().issue());
  }

  private ApiResponse endSession(ApiRequest request) {
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("ended", true);
    return ApiResponse.json(200, body).withHeader("Set-Cookie", SessionCookies.cleared());
  }

  private ApiResponse rack(ApiRequest request) {
    String id = request.param("id");
    Optional<ObjectNode> design = queries.get(ApiStore.RACKS, id);
    ObjectNode rack = design.orElseGet(ApiResponse.JSON::createObjectNode);
    rack.put("id", id);
    rack.put("inDesign", design.isPresent());
    ArrayNode feeds =
        queries
            .get(ApiStore.RACK_LOADS, id)
            .map(load -> (ArrayNode) load.path("feeds"))
            .orElse(ApiResponse.JSON.createArrayNode());
    Double loadWatts = loadWatts(feeds);
    rack.set("feeds", feeds);
    rack.put("loadWatts", loadWatts == null ? 0.0 : loadWatts);
    List<ObjectNode> devices = queries.scan(ApiStore.DEVICES, Map.of("rack", id));
    devices.sort(Comparator.comparing(n -> n.path("name").asText()));
    // The elevation needs each device's height, which only its NetBox device type knows.
    devices.forEach(
        device ->
            queries
                .get(ApiStore.DEVICE_TYPES, device.path("deviceTypeId").asText())
                .ifPresentOrElse(
                    type -> device.set("uHeight", type.path("uHeight")),
                    () -> device.putNull("uHeight")));
    ArrayNode deviceArray = rack.putArray("devices");
    devices.forEach(deviceArray::add);
    List<ObjectNode> open = queries.scan(ApiStore.DISCREPANCIES, Map.of("rack", id));
    open.sort(SEVERITY_THEN_RECENT);
    ArrayNode openArray = rack.putArray("openDiscrepancies");
    open.forEach(openArray::add);
    rack.put("openDiscrepancyCount", open.size());
    if (design.isEmpty() && feeds.isEmpty() && devices.isEmpty() && open.isEmpty()) {
      throw ApiException.notFound("nothing is known about rack '" + id + "'");
    }
    return ApiResponse.json(200, rack);
  }

  /**
   * Server-Sent Events: one {@code transition} event per committed discrepancy transition, {@code
   * data} being the discrepancy JSON, filtered like the list (type, severity, domain, site, rack,
   * state; state defaults to all). A comment line {@code : connected} confirms the subscription; a
   * comment every 15 s keeps proxies from closing an idle stream.
   */
  private void stream(ApiRequest request, HttpExchange exchange) throws IOException {
    Map<String, String> params = new HashMap<>(request.query());
    if (params.containsKey("acknowledged")) {
      throw ApiException.badRequest(
          "the stream carries transitions; acknowledged is not a filter here");
    }
    params.putIfAbsent("state", "all");
    Predicate<ObjectNode> filter = EntryFilters.discrepancies(params);
    if (streamClients.incrementAndGet() > MAX_STREAM_CLIENTS) {
      streamClients.decrementAndGet();
      throw ApiException.unavailable("too many stream clients (" + MAX_STREAM_CLIENTS + ")");
    }
    BlockingQueue<TransitionStream.Event> queue = new LinkedBlockingQueue<>(STREAM_BUFFER);
    AtomicBoolean overflowed = new AtomicBoolean();
    Runnable unsubscribe =
        transitions.subscribe(
            event -> {
              if (filter.test(event.discrepancy()) && !queue.offer(event)) {
                overflowed.set(true);
              }
            });
    try {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.getResponseHeaders().set("Cache-Control", "no-cache");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      send(out, "retry: 3000\n: connected\n\n");
      while (!overflowed.get()) {
        TransitionStream.Event event = queue.poll(KEEPALIVE_SECONDS, TimeUnit.SECONDS);
        if (event == null) {
          send(out, ": keepalive\n\n");
        } else {
          send(
              out,
              "id: "
                  + event.id()
                  + "\nevent: transition\ndata: "
                  + ApiResponse.JSON.writeValueAsString(event.discrepancy())
                  + "\n\n");
        }
      }
      // A client too slow for the stream: tell it, and let it reconnect and re-read the list.
      send(out, "event: overflow\ndata: {}\n\n");
    } catch (IOException e) {
      // The client went away.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      unsubscribe.run();
      streamClients.decrementAndGet();
    }
  }

  private static void send(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private ApiResponse localGet(ApiRequest request) {
    ApiStore store = store(request.param("store"));
    return ApiResponse.json(
        200,
        queries
            .getLocal(store, request.param("key"))
            .orElseThrow(() -> ApiException.notFound("not here: " + request.param("key"))));
  }

  private ApiResponse localWindows(ApiRequest request) {
    ApiStore store = store(request.param("store"));
    if (!store.windowed()) {
      throw ApiException.badRequest(store.apiName() + " is not a window store");
    }
    Instant from;
    try {
      from = Instant.parse(request.query().getOrDefault("from", ""));
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("from (an ISO-8601 instant) is required");
    }
    return list(
        queries.windowsLocal(store, request.param("key"), from), Comparator.comparing(n -> 0));
  }

  private ApiResponse localScan(ApiRequest request) {
    ApiStore store = store(request.param("store"));
    return list(queries.scanLocal(store, request.query()), Comparator.comparing(n -> 0));
  }

  private static ApiStore store(String name) {
    return ApiStore.byApiName(name).orElseThrow(() -> ApiException.notFound("no store " + name));
  }

  private ObjectNode found(ApiStore store, String id) {
    return queries
        .get(store, id)
        .orElseThrow(() -> ApiException.notFound("no " + store.apiName() + " entry '" + id + "'"));
  }

  private static ApiResponse list(List<ObjectNode> items, Comparator<JsonNode> order) {
    items.sort(order);
    ObjectNode body = ApiResponse.JSON.createObjectNode();
    body.put("count", items.size());
    ArrayNode array = body.putArray("items");
    items.forEach(array::add);
    return ApiResponse.json(200, body);
  }

  private static Map<String, String> withoutHistory(Map<String, String> query) {
    if (query.containsKey("history")) {
      throw ApiException.badRequest("unknown parameter 'history'");
    }
    return query;
  }

  private static String requiredText(JsonNode body, String field) {
    JsonNode value = body.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw ApiException.badRequest(field + " is required (a non-empty string)");
    }
    return value.asText().trim();
  }

  private static int severityRank(String severity) {
    return switch (severity) {
      case "CRITICAL" -> 0;
      case "WARNING" -> 1;
      default -> 2;
    };
  }
}
