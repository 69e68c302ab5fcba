package io.plumbline.app;

import io.plumbline.topology.PlumblineTopology;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running reconciler: the Plumbline topology in a Kafka Streams instance. */
public final class Reconciler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

  private final KafkaStreams streams;
  private final CountDownLatch stopped = new CountDownLatch(1);

  public Reconciler(PlumblineConfig config) {
    Topology topology = PlumblineTopology.build(config.topologyConfig());
    this.streams = new KafkaStreams(topology, StreamsSettings.from(config));
    streams.setUncaughtExceptionHandler(
        e -> {
          // A processing failure that the dead-letter policy did not absorb: better to stop and be
          // restarted than to skip records silently.
          LOG.error("stream thread failed; shutting the reconciler down", e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
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
