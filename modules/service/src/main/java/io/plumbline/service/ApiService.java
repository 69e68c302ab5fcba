package io.plumbline.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The HTTP API of one Plumbline instance, over its Kafka Streams: health, readiness, Prometheus
 * metrics, interactive queries (any instance answers any key), acknowledgements and the live
 * transition stream. Start it once the streams are built (before or after they start); close it
 * before closing them.
 */
public final class ApiService implements AutoCloseable {

  private static final Duration STREAM_POSITION_TIMEOUT = Duration.ofSeconds(30);

  private final ApiServer server;
  private final AcknowledgementWriter acknowledgements;
  private final TransitionStream transitions;
  private final ServiceMetrics metrics;

  private ApiService(
      ApiServer server,
      AcknowledgementWriter acknowledgements,
      TransitionStream transitions,
      ServiceMetrics metrics) {
    this.server = server;
    this.acknowledgements = acknowledgements;
    this.transitions = transitions;
    this.metrics = metrics;
  }

  /**
   * Serves the API on an already bound server.
   *
   * @param applicationId tags Kafka Streams' metrics
   */
  public static ApiService start(
      ApiServer server,
      KafkaStreams streams,
      Readiness readiness,
      ServiceSettings settings,
      PrometheusMeterRegistry registry,
      String applicationId)
      throws InterruptedException {
    Clock clock = Clock.systemUTC();
    LocalStores local = new LocalStores(streams, new StoreJson(clock));
    BearerToken token = new BearerToken(settings.authToken(), settings.authReads(), clock);
    StoreQueries queries =
        new StoreQueries(streams, settings.advertised(), local, new InstanceClient(token.header()));
    AcknowledgementWriter acknowledgements =
        new AcknowledgementWriter(
            settings.kafkaClients(),
            settings.registrySettings(),
            settings.topics().acknowledgements());
    TransitionStream transitions =
        new TransitionStream(
            settings.kafkaClients(),
            settings.registrySettings(),
            settings.topics().discrepancies(),
            registry,
            clock);
    transitions.start(STREAM_POSITION_TIMEOUT);
    ServiceMetrics metrics = new ServiceMetrics(registry, streams, applicationId, local, clock);
    // The /ready answer as a gauge, so an alert can tell a restoring instance from a stopped one.
    Gauge.builder("plumbline.ready", () -> readiness.ready(streams.state()) ? 1 : 0)
        .description("1 when Kafka Streams is RUNNING with every store restored, else 0")
        .register(registry);
    ApiRoutes routes =
        new ApiRoutes(
            streams::state,
            readiness,
            queries,
            acknowledgements,
            transitions,
            metrics,
            token,
            clock);
    server.serve(routes.router(), token, registry);
    return new ApiService(server, acknowledgements, transitions, metrics);
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8080}. */
  public URI uri() {
    String host = server.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "localhost";
    }
    return URI.create("http://" + host + ":" + server.port());
  }

  @Override
  public void close() {
    server.close();
    transitions.close();
    acknowledgements.close();
    metrics.close();
  }
}
