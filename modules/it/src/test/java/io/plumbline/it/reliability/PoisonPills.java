package io.plumbline.it.reliability;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.simulator.SimEvent;
import io.plumbline.simulator.TopicRole;
import io.plumbline.topology.PlumblineTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Bad records mixed into a good stream: one at a seeded random position in every run of {@code
 * oneIn} good records, its kind the least injected so far of the {@link PoisonKind}s asked for that
 * can be made at that point (ties in declaration order), so every kind comes round.
 *
 * <p>A pill that parses is a copy of the latest good record of its topic with one thing made wrong,
 * serialized with the registry serde as the simulator's publisher does; it keeps that record's
 * event time, so it does not move stream time by itself (except the far-future kinds, whose point
 * that is). An unreadable pill goes to the topic of the good record just sent, with its timestamp
 * and a key {@code poison-<n>}. Remembers every pill (kind, topic, key and value bytes), so a test
 * can check that the dead-letter topic holds exactly these.
 */
final class PoisonPills implements SimulatedSiteRun.Tap, AutoCloseable {

  /** One bad record as written. */
  record Pill(PoisonKind kind, String topic, String key, byte[] value) {}

  private static final long A_YEAR = Duration.ofDays(365).toMillis();
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

  private final KafkaProducer<byte[], byte[]> producer;
  private final SpecificAvroSerializer<SpecificRecord> avro = new SpecificAvroSerializer<>();
  private final PlumblineTopics topics;
  private final Set<String> inputs;
  private final Set<PoisonKind> kinds;
  private final Random random;
  private final int oneIn;
  private final List<Pill> injected = new ArrayList<>();
  private final Map<PoisonKind, Integer> counts = new EnumMap<>(PoisonKind.class);
  private final Map<TopicRole, SimEvent> latest = new EnumMap<>(TopicRole.class);
  private SimEvent latestTemperature;
  private long goodRecords;
  private long blockStart;
  private long nextAt;

  PoisonPills(PlumblineConfig config, long seed, int oneIn, Set<PoisonKind> kinds) {
    this.producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer());
    this.avro.configure(config.registrySettings(), false);
    this.topics = config.topics();
    this.inputs = Set.copyOf(TopicRole.reconcilerInputs(topics));
    this.kinds = EnumSet.copyOf(kinds);
    this.random = new Random(seed);
    this.oneIn = oneIn;
    this.nextAt = random.nextInt(oneIn);
  }

  /** After each good record: remembers it as a template and injects a pill when one is due. */
  @Override
  public void sent(SimEvent event) {
    remember(event);
    goodRecords++;
    if (goodRecords <= nextAt) {
      return;
    }
    kinds.stream()
        .filter(kind -> canMake(kind, event))
        .min(Comparator.comparingInt((PoisonKind kind) -> counts.getOrDefault(kind, 0)))
        .ifPresent(
            kind -> {
              inject(kind, event);
              // The next pill goes somewhere in the next run of oneIn good records.
              blockStart = Math.max(blockStart + oneIn, goodRecords - goodRecords % oneIn);
              nextAt = blockStart + random.nextInt(oneIn);
            });
  }

  @Override
  public void flush() {
    producer.flush();
  }

  /** The pills written so far, in order. */
  List<Pill> injected() {
    return List.copyOf(injected);
  }

  /** The keys of the pills written so far, in order (null for a keyless pill). */
  List<String> injectedKeys() {
    return injected.stream().map(Pill::key).toList();
  }

  /** How many pills of each kind were written. */
  Map<PoisonKind, Integer> counts() {
    Map<PoisonKind, Integer> all = new EnumMap<>(PoisonKind.class);
    kinds.forEach(kind -> all.put(kind, counts.getOrDefault(kind, 0)));
    return all;
  }

  @Override
  public void close() {
    producer.close();
    avro.close();
  }

  private void remember(SimEvent event) {
    if (event.value() == null) {
      return;
    }
    latest.put(event.role(), event);
    if (event.value() instanceof EnvironmentReading reading && isTemperature(reading.getKind())) {
      latestTemperature = event;
    }
  }

  private boolean canMake(PoisonKind kind, SimEvent event) {
    return switch (kind) {
      case NOT_AVRO, UNKNOWN_SCHEMA_ID -> inputs.contains(event.role().topic(topics));
      case NEGATIVE_CURRENT, UNKNOWN_FEED, FAR_FUTURE_READING ->
          latest.containsKey(TopicRole.POWER_READINGS);
      case NULL_KEY -> latest.containsKey(TopicRole.ENVIRONMENT_READINGS);
      case IMPOSSIBLE_TEMPERATURE -> latestTemperature != null;
      case FAR_FUTURE_OBSERVATION -> latest.containsKey(TopicRole.OBSERVED_SYSTEMS);
      case NEGATIVE_QUANTITY -> latest.containsKey(TopicRole.RECEIPTS);
      case BLANK_KEY_DESIGN -> latest.containsKey(TopicRole.INTENT_RACKS);
      case NEGATIVE_ORDER_QUANTITY -> latest.containsKey(TopicRole.PURCHASE_ORDERS);
      case OVER_UTILISED_FEED -> latest.containsKey(TopicRole.INTENT_POWER_FEEDS);
    };
  }

  private void inject(PoisonKind kind, SimEvent event) {
    int n = injected.size();
    switch (kind) {
      case NOT_AVRO ->
          send(
              kind,
              event.role(),
              event.timestamp(),
              "poison-" + n,
              ("{\"key\":\"poison-" + n + "\",\"current\":-1}").getBytes(StandardCharsets.UTF_8));
      case UNKNOWN_SCHEMA_ID ->
          send(
              kind,
              event.role(),
              event.timestamp(),
              "poison-" + n,
              new byte[] {0, 0x7f, 0x7f, 0x7e, (byte) n, 2, 4});
      case NEGATIVE_CURRENT -> {
        SimEvent template = latest.get(TopicRole.POWER_READINGS);
        PowerReading reading = PowerReading.newBuilder((PowerReading) template.value()).build();
        List<PhaseReading> phases = new ArrayList<>(reading.getPhases());
        if (phases.isEmpty()) {
          phases.add(PhaseReading.newBuilder().setPhase("L1").setCurrentAmps(-1.0 - n).build());
        } else {
          PhaseReading first = phases.get(0);
          phases.set(0, PhaseReading.newBuilder(first).setCurrentAmps(-1.0 - n).build());
        }
        reading.setPhases(phases);
        sendAvro(kind, template, template.timestamp(), template.key(), reading);
      }
      case UNKNOWN_FEED -> {
        SimEvent template = latest.get(TopicRole.POWER_READINGS);
        String feed = "feed-not-designed-" + n;
        PowerReading reading =
            PowerReading.newBuilder((PowerReading) template.value()).setFeedId(feed).build();
        sendAvro(kind, template, template.timestamp(), feed, reading);
      }
      case FAR_FUTURE_READING -> {
        SimEvent template = latest.get(TopicRole.POWER_READINGS);
        PowerReading good = (PowerReading) template.value();
        PowerReading reading =
            PowerReading.newBuilder(good)
                .setMeasuredAt(good.getMeasuredAt().plusMillis(A_YEAR))
                .build();
        // The record timestamp stays: the broker refuses one far ahead; telemetry's event time is
        // measuredAt.
        sendAvro(kind, template, template.timestamp(), template.key(), reading);
      }
      case NULL_KEY -> {
        SimEvent template = latest.get(TopicRole.ENVIRONMENT_READINGS);
        sendAvro(kind, template, template.timestamp(), null, template.value());
      }
      case IMPOSSIBLE_TEMPERATURE -> {
        SimEvent template = latestTemperature;
        EnvironmentReading reading =
            EnvironmentReading.newBuilder((EnvironmentReading) template.value())
                .setValue(-300.0 - n)
                .setUnit("Cel")
                .build();
        sendAvro(kind, template, template.timestamp(), template.key(), reading);
      }
      case FAR_FUTURE_OBSERVATION -> {
        SimEvent template = latest.get(TopicRole.OBSERVED_SYSTEMS);
        ObservedSystem good = (ObservedSystem) template.value();
        ObservedSystem observed =
            ObservedSystem.newBuilder(good)
                .setObservedAt(good.getObservedAt().plusMillis(A_YEAR))
                .build();
        sendAvro(kind, template, template.timestamp() + A_YEAR, template.key(), observed);
      }
      case NEGATIVE_QUANTITY -> {
        SimEvent template = latest.get(TopicRole.RECEIPTS);
        Receipt receipt =
            Receipt.newBuilder((Receipt) template.value()).setQuantity(-1 - n).build();
        sendAvro(kind, template, template.timestamp(), template.key(), receipt);
      }
      case BLANK_KEY_DESIGN -> {
        SimEvent template = latest.get(TopicRole.INTENT_RACKS);
        sendAvro(kind, template, template.timestamp(), " ", template.value());
      }
      case NEGATIVE_ORDER_QUANTITY -> {
        // Under the key of a real line: had it been taken, the line would change.
        SimEvent template = latest.get(TopicRole.PURCHASE_ORDERS);
        PurchaseOrderLine line =
            PurchaseOrderLine.newBuilder((PurchaseOrderLine) template.value())
                .setQuantity(-1 - n)
                .build();
        sendAvro(kind, template, template.timestamp(), template.key(), line);
      }
      case OVER_UTILISED_FEED -> {
        SimEvent template = latest.get(TopicRole.INTENT_POWER_FEEDS);
        IntentPowerFeed feed =
            IntentPowerFeed.newBuilder((IntentPowerFeed) template.value())
                .setMaxUtilizationPercent(150)
                .build();
        sendAvro(kind, template, template.timestamp(), template.key(), feed);
      }
    }
  }

  private void sendAvro(
      PoisonKind kind, SimEvent template, long timestamp, String key, SpecificRecord value) {
    String topic = template.role().topic(topics);
    send(kind, template.role(), timestamp, key, avro.serialize(topic, value));
  }

  private void send(PoisonKind kind, TopicRole role, long timestamp, String key, byte[] value) {
    String topic = role.topic(topics);
    byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    try {
      // Waited for, so a pill the broker refuses fails the test here instead of going missing.
      producer
          .send(new ProducerRecord<>(topic, null, timestamp, keyBytes, value))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted writing a " + kind + " pill", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not write a " + kind + " pill to " + topic, e);
    }
    injected.add(new Pill(kind, topic, key, value));
    counts.merge(kind, 1, Integer::sum);
  }

  private static boolean isTemperature(EnvironmentKind kind) {
    return switch (kind) {
      case INLET_TEMPERATURE,
          OUTLET_TEMPERATURE,
          COOLANT_SUPPLY_TEMPERATURE,
          COOLANT_RETURN_TEMPERATURE ->
          true;
      default -> false;
    };
  }
}
