package io.plumbline.bench.pipeline;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.simulator.Scenario;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.SiteSimulator;
import io.plumbline.topology.PlumblineTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Detection latency under a fixed offered load: the site's telemetry replayed at a steady rate
 * (readings moved forward in simulated time, so windows keep closing), and a few times a second a
 * probe, a node's Redfish inventory whose BIOS alternates between a wrong and the designed version.
 * Each probe causes exactly one FIRMWARE_MISMATCH transition (OPENED, then RESOLVED on the next
 * visit); its latency runs from the probe's send to the transition read from the discrepancy topic,
 * read committed.
 */
public final class LatencyProbe {

  /** What a latency phase measured. */
  public record Result(
      double achievedEventsPerSecond,
      int probesSent,
      int probesDetected,
      Percentiles latenciesMillis) {}

  /** How long transitions are awaited after the load stops; later ones count as never seen. */
  public static final Duration DRAIN = Duration.ofSeconds(60);

  /** The phases that hold the telemetry, back to back: one pass of the replay. */
  public static final List<Scenario.Phase> TELEMETRY_PHASES =
      List.of(Scenario.Phase.TELEMETRY, Scenario.Phase.AFTER_FIXES);

  private final String bootstrapServers;
  private final Map<String, ?> registrySettings;
  private final PlumblineTopics topics;

  public LatencyProbe(
      String bootstrapServers, Map<String, ?> registrySettings, PlumblineTopics topics) {
    this.bootstrapServers = bootstrapServers;
    this.registrySettings = registrySettings;
    this.topics = topics;
  }

  /**
   * @param probeNodes a correct Redfish inventory (key: BMC MAC) per node id, as last crawled
   * @param telemetryShift how far the first replay of the telemetry is moved forward in time
   */
  public Result run(
      SiteSimulator simulator,
      Map<String, SimEvent> probeNodes,
      Duration telemetryShift,
      int eventsPerSecond,
      int probesPerSecond,
      Duration duration)
      throws InterruptedException {
    Map<String, Long> pending = new ConcurrentHashMap<>();
    List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch positioned = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> readTransitions(pending, latencies, stop, positioned),
            "bench-discrepancy-reader");
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(registrySettings, false);
    List<String> nodes = new ArrayList<>(probeNodes.keySet());
    Map<String, Boolean> wrong = new HashMap<>();
    long[] sent = {0};
    int[] probes = {0};
    long start;
    long elapsed;
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                5),
            new StringSerializer(),
            values)) {
      reader.start();
      // Transitions count only once the reader is positioned at the end of the discrepancy topic.
      if (!positioned.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("could not position on " + topics.discrepancies());
      }
      start = System.nanoTime();
      long end = start + duration.toNanos();
      double eventNanos = 1e9 / eventsPerSecond;
      long probeNanos = 1_000_000_000L / probesPerSecond;
      long[] nextProbe = {start + probeNanos};
      Instant[] cursor = {Instant.EPOCH};
      try {
        for (int pass = 0; ; pass++) {
          Duration shift =
              telemetryShift.plus(
                  Duration.ofMinutes(Scenario.TELEMETRY_MINUTES).multipliedBy(pass));
          for (Scenario.Phase phase : TELEMETRY_PHASES) {
            simulator.play(
                phase,
                event -> {
                  long due = start + (long) (sent[0] * eventNanos);
                  long now = System.nanoTime();
                  if (now >= end) {
                    throw new Finished();
                  }
                  if (due > now) {
                    LockSupport.parkNanos(due - now);
                  }
                  Instant at = Instant.ofEpochMilli(event.timestamp()).plus(shift);
                  cursor[0] = at;
                  producer.send(
                      new ProducerRecord<>(
                          event.role().topic(topics),
                          null,
                          at.toEpochMilli(),
                          event.key(),
                          shifted(event.value(), shift)));
                  sent[0]++;
                  if (System.nanoTime() >= nextProbe[0]) {
                    nextProbe[0] += probeNanos;
                    String node = nodes.get(probes[0]++ % nodes.size());
                    boolean makeWrong = !wrong.getOrDefault(node, false);
                    wrong.put(node, makeWrong);
                    SimEvent crawl = probeNodes.get(node);
                    ObservedSystem observed =
                        ObservedSystem.newBuilder((ObservedSystem) crawl.value())
                            .setObservedAt(cursor[0])
                            .setFirmware(firmware((ObservedSystem) crawl.value(), makeWrong))
                            .build();
                    String expected = node + "/" + (makeWrong ? "OPENED" : "RESOLVED");
                    pending.put(expected, System.nanoTime());
                    producer.send(
                        new ProducerRecord<>(
                            topics.observedSystems(),
                            null,
                            cursor[0].toEpochMilli(),
                            crawl.key(),
                            observed));
                  }
                });
          }
        }
      } catch (Finished finished) {
        // Time is up.
      }
      elapsed = System.nanoTime() - start;
      producer.flush();
    }
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    stop.set(true);
    reader.join(TimeUnit.SECONDS.toMillis(10));
    // A probe never detected counts as infinitely late, so percentiles never flatter a backlog.
    double[] sample = new double[probes[0]];
    java.util.Arrays.fill(sample, Double.POSITIVE_INFINITY);
    int detected;
    synchronized (latencies) {
      detected = Math.min(latencies.size(), sample.length);
      for (int i = 0; i < detected; i++) {
        sample[i] = latencies.get(i);
      }
    }
    return new Result(sent[0] * 1e9 / elapsed, probes[0], detected, new Percentiles(sample));
  }

  private void readTransitions(
      Map<String, Long> pending,
      List<Double> latencies,
      AtomicBoolean stop,
      CountDownLatch positioned) {
    SpecificAvroDeserializer<Discrepancy> values = new SpecificAvroDeserializer<>();
    values.configure(registrySettings, false);
    try (KafkaConsumer<String, Discrepancy> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            values)) {
      String topic = topics.discrepancies();
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      partitions.forEach(consumer::position);
      positioned.countDown();
      while (!stop.get()) {
        for (ConsumerRecord<String, Discrepancy> record : consumer.poll(Duration.ofMillis(20))) {
          Discrepancy d = record.value();
          if (d == null || d.getType() != DiscrepancyType.FIRMWARE_MISMATCH) {
            continue;
          }
          if (d.getState() != DiscrepancyState.OPENED
              && d.getState() != DiscrepancyState.RESOLVED) {
            continue;
          }
          Long sentAt = pending.remove(d.getSubject().getId() + "/" + d.getState());
          if (sentAt != null) {
            latencies.add((System.nanoTime() - sentAt) / 1e6);
          }
        }
      }
    }
  }

  private static Map<String, String> firmware(ObservedSystem designed, boolean wrong) {
    Map<String, String> firmware = new HashMap<>();
    designed.getFirmware().forEach((k, v) -> firmware.put(k.toString(), v.toString()));
    if (wrong) {
      firmware.put("BIOS", "1.4.2");
    }
    return firmware;
  }

  private static SpecificRecord shifted(SpecificRecord value, Duration shift) {
    if (value instanceof PowerReading power) {
      return PowerReading.newBuilder(power)
          .setMeasuredAt(power.getMeasuredAt().plus(shift))
          .build();
    }
    if (value instanceof EnvironmentReading environment) {
      return EnvironmentReading.newBuilder(environment)
          .setMeasuredAt(environment.getMeasuredAt().plus(shift))
          .build();
    }
    return value;
  }

  /** Ends a replay when the phase's time is up. */
  private static final class Finished extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Finished() {
      super(null, null, false, false);
    }
  }
}
