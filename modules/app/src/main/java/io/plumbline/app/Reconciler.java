package io.plumbline.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.plumbline.topology.PlumblineTopology;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running reconciler: the Plumbline topology in a Kafka Streams instance. */
public final class Reconciler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final KafkaStreams streams;
  private final CountDownLatch stopped = new CountDownLatch(1);

  public Reconciler(PlumblineConfig config) {
    this(config, null, null, null);
  }

  /**
   * A reconciler whose dead letters are counted in {@code meters}, whose store restorations are
   * reported to {@code restoreListener}, and which advertises {@code applicationServer} for
   * interactive queries; each may be null.
   */
  public Reconciler(
      PlumblineConfig config,
      MeterRegistry meters,
      StateRestoreListener restoreListener,
      HostInfo applicationServer) {
    Topology topology = PlumblineTopology.build(config.topologyConfig());
    Properties props = StreamsSettings.from(config);
    if (meters != null) {
      props.put(DeadLetterPolicy.METER_REGISTRY_CONFIG, meters);
    }
    if (applicationServer != null) {
      props.put(
          StreamsConfig.APPLICATION_SERVER_CONFIG,
          applicationServer.host() + ":" + applicationServer.port());
    }
    this.streams = new KafkaStreams(topology, props);
    if (restoreListener != null) {
      streams.setGlobalStateRestoreListener(restoreListener);
    }
    streams.setUncaughtExceptionHandler(new StreamThreadFailurePolicy(Clock.systemUTC()));
    streams.setStateListener(
        (now, before) -> {
          LOG.info("reconciler state {} -> {}", before, now);
          if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
            stopped.countDown();
          }
        });
  }

  public void start() {
    streams.start();
  }

  /** Kafka Streams' own metrics (including the dropped-records count of the dead-letter policy). */
  public java.util.Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric>
      metrics() {
    return streams.metrics();
  }

  /** The Kafka Streams instance, for interactive queries and metrics. */
  public KafkaStreams streams() {
    return streams;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  /** Waits until the reconciler stopped by itself (after an error) or was closed. */
  public boolean awaitStopped(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
  }
}
