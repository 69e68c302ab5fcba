package io.plumbline.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.service.ApiServer;
import io.plumbline.service.ApiService;
import io.plumbline.service.Readiness;
import io.plumbline.service.ServiceSettings;
import java.net.URI;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The reconciler as a service: Kafka Streams with the HTTP API (health, readiness, metrics,
 * interactive queries, acknowledgements, the transition stream) and the Prometheus registry that
 * both report to. The HTTP port is bound first, so that {@code application.server} can advertise it
 * even when it was picked by the system (port 0).
 */
public final class ReconcilerService implements AutoCloseable {

  private final PrometheusMeterRegistry meters;
  private final Reconciler reconciler;
  private final ApiService api;
  private final JvmGcMetrics gcMetrics;

  private ReconcilerService(
      PrometheusMeterRegistry meters, Reconciler reconciler, ApiService api, JvmGcMetrics gc) {
    this.meters = meters;
    this.reconciler = reconciler;
    this.api = api;
    this.gcMetrics = gc;
  }

  /** Binds the API, builds and starts the reconciler, and serves. */
  public static ReconcilerService start(PlumblineConfig config) throws InterruptedException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(meters);
    ApiServer server = ApiServer.bind(config.httpHost(), config.httpPort());
    Reconciler reconciler = null;
    try {
      HostInfo advertised = config.applicationServer(server.port());
      Readiness readiness = new Readiness();
      reconciler = new Reconciler(config, meters, readiness, advertised);
      ServiceSettings settings =
          new ServiceSettings(
              config.httpHost(),
              server.port(),
              advertised,
              config.httpAuthToken(),
              config.httpAuthReads(),
              config.kafkaClientSettings(),
              config.registrySettings(),
              config.topics());
      ApiService api =
          ApiService.start(
              server, reconciler.streams(), readiness, settings, meters, config.applicationId());
      reconciler.start();
      return new ReconcilerService(meters, reconciler, api, gc);
    } catch (RuntimeException | InterruptedException e) {
      server.close();
      if (reconciler != null) {
        reconciler.close();
      }
      gc.close();
      throw e;
    }
  }

  /** The HTTP API's base URI. */
  public URI uri() {
    return api.uri();
  }

  public Reconciler reconciler() {
    return reconciler;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  @Override
  public void close() {
    api.close();
    reconciler.close();
    gcMetrics.close();
    meters.close();
  }
}
