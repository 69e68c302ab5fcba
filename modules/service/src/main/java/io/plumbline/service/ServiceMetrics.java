package io.plumbline.service;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.internal.v1.FeedLoad;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's metrics beyond counters that others increment: Kafka Streams' own metrics (bound
 * with an {@code application} tag), and gauges computed from this instance's partitions of the
 * query stores just before each scrape, so summing over instances gives the cluster's figure:
 *
 * <ul>
 *   <li>{@code plumbline_discrepancies_open{type,severity,acknowledged}}: every type and severity,
 *       zeros included, so alert rules never see a series vanish;
 *   <li>{@code plumbline_feed_utilisation{feed,rack,side}}: mean load of the latest closed window
 *       over usable power, for feeds with a reading.
 * </ul>
 */
final class ServiceMetrics implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

  private final PrometheusMeterRegistry registry;
  private final LocalStores stores;
  private final Clock clock;
  private final KafkaStreamsMetrics streamsMetrics;
  private final MultiGauge open;
  private final MultiGauge utilisation;

  ServiceMetrics(
      PrometheusMeterRegistry registry,
      KafkaStreams streams,
      String applicationId,
      LocalStores stores,
      Clock clock) {
    this.registry = registry;
    this.stores = stores;
    this.clock = clock;
    this.streamsMetrics = new KafkaStreamsMetrics(streams, Tags.of("application", applicationId));
    this.streamsMetrics.bindTo(registry);
    this.open =
        MultiGauge.builder("plumbline.discrepancies.open")
            .description("Open discrepancies held by this instance, by type and severity")
            .register(registry);
    this.utilisation =
        MultiGauge.builder("plumbline.feed.utilisation")
            .description("Mean load of the feed's latest closed window over its usable power")
            .register(registry);
  }

  /** Recomputes the gauges from the local stores; keeps the last values if they are not ready. */
  void refresh() {
    try {
      refreshOpen();
      refreshUtilisation();
    } catch (ApiException e) {
      LOG.debug("metrics not refreshed: {}", e.getMessage());
    }
  }

  /** The Prometheus text exposition, gauges refreshed first. */
  synchronized String scrape() {
    refresh();
    return registry.scrape();
  }

  private void refreshOpen() {
    Map<String, Integer> counts = new HashMap<>();
    stores.<DiscrepancyView>forEach(
        ApiStore.DISCREPANCIES,
        view -> {
          Discrepancy current = view.getCurrent();
          if (current != null && current.getState() != DiscrepancyState.RESOLVED) {
            boolean acknowledged =
                DiscrepancyJson.isActive(view.getAcknowledgement(), clock.instant());
            counts.merge(
                current.getType() + "/" + current.getSeverity() + "/" + acknowledged,
                1,
                Integer::sum);
          }
        });
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (DiscrepancyType type : DiscrepancyType.values()) {
      for (Severity severity : Severity.values()) {
        for (boolean acknowledged : new boolean[] {false, true}) {
          int count = counts.getOrDefault(type + "/" + severity + "/" + acknowledged, 0);
          rows.add(
              MultiGauge.Row.of(
                  Tags.of(
                      "type", type.name(),
                      "severity", severity.name(),
                      "acknowledged", Boolean.toString(acknowledged)),
                  count));
        }
      }
    }
    open.register(rows, true);
  }

  private void refreshUtilisation() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    stores.<FeedLoad>forEach(
        ApiStore.FEED_LOADS,
        load -> {
          if (load != null && load.getMeanWatts() != null) {
            rows.add(
                MultiGauge.Row.of(
                    Tags.of(
                        "feed", load.getFeedId(),
                        "rack", load.getRackId(),
                        "side", load.getSide() == null ? "" : load.getSide()),
                    StoreJson.utilisation(load.getMeanWatts(), load.getUsableWatts())));
          }
        });
    utilisation.register(rows, true);
  }

  @Override
  public void close() {
    streamsMetrics.close();
  }
}
