package io.plumbline.topology.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.internal.v1.FeedWindow;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.PlumblineTopology;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.cooling.CoolingTopology;
import io.plumbline.topology.power.PowerTopology;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each validation rule on the whole topology: the refused record lands in the dead-letter topic
 * with its source bytes and reason, reaches no store or rule, and a good record beside it is
 * processed.
 */
class InputValidationTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant T0 = NOW.minus(Duration.ofMinutes(30));
  private static final String FEED = "501";

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private TopologyTestDriver driver;
  private AvroSerdes serdes;
  private TestInputTopic<String, IntentPowerFeed> feeds;
  private TestInputTopic<String, PowerReading> power;
  private TestInputTopic<String, EnvironmentReading> environment;
  private TestInputTopic<String, Receipt> receipts;
  private TestInputTopic<String, ObservedSystem> systems;
  private TestOutputTopic<byte[], byte[]> deadLetters;
  private TestOutputTopic<String, Discrepancy> discrepancies;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "validation", NOW);
    Properties props = TestTopologies.streamsProperties("validation-test", stateDir);
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, InvalidInputHandler.class);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, UnreadableInputHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
    driver = new TopologyTestDriver(PlumblineTopology.build(config), props, NOW);
    serdes = config.serdes();
    var keys = Serdes.String();
    feeds =
        driver.createInputTopic(
            topics.intentPowerFeeds(),
            keys.serializer(),
            serdes.value(IntentPowerFeed.class).serializer());
    power =
        driver.createInputTopic(
            topics.powerReadings(),
            keys.serializer(),
            serdes.value(PowerReading.class).serializer());
    environment =
        driver.createInputTopic(
            topics.environmentReadings(),
            keys.serializer(),
            serdes.value(EnvironmentReading.class).serializer());
    receipts =
        driver.createInputTopic(
            topics.receipts(), keys.serializer(), serdes.value(Receipt.class).serializer());
    systems =
        driver.createInputTopic(
            topics.observedSystems(),
            keys.serializer(),
            serdes.value(ObservedSystem.class).serializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    discrepancies =
        driver.createOutputTopic(
            topics.discrepancies(),
            keys.deserializer(),
            serdes.value(Discrepancy.class).deserializer());
    feeds.pipeInput(FEED, feed(FEED), T0.minusSeconds(60));
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void negativeCurrentIsDeadLetteredAndTheGoodReadingBesideItCounts() {
    PowerReading bad = reading(FEED, T0, 1_000, 3.0, -2.0, 3.0);
    power.pipeInput(FEED, bad, T0);
    power.pipeInput(FEED, reading(FEED, T0.plusSeconds(15), 1_000, 3.0, 3.0, 3.0), T0);

    assertDeadLetter(RejectionReason.NEGATIVE_CURRENT, FEED, bytes(topics.powerReadings(), bad));
    assertThat(readingsInWindows(FEED)).isEqualTo(1);
    assertThat(discrepancies.isEmpty()).isTrue();
  }

  @Test
  void negativePowerAndVoltageAndNonFiniteValuesAreDeadLettered() {
    PowerReading negativePower = reading(FEED, T0, -5, 3.0);
    PowerReading nan = reading(FEED, T0, Double.NaN, 3.0);
    PowerReading negativeVolts =
        PowerReading.newBuilder(reading(FEED, T0, 1_000))
            .setPhases(
                List.of(
                    PhaseReading.newBuilder()
                        .setPhase("L1")
                        .setCurrentAmps(2.0)
                        .setVoltageVolts(-230.0)
                        .build()))
            .build();
    PowerReading infiniteAmps = reading(FEED, T0, 1_000, Double.POSITIVE_INFINITY);
    for (PowerReading bad : List.of(negativePower, nan, negativeVolts, infiniteAmps)) {
      power.pipeInput(FEED, bad, T0);
    }
    power.pipeInput(FEED, reading(FEED, T0.plusSeconds(15), 1_000, 3.0), T0);

    assertThat(reasons())
        .containsExactly(
            "NEGATIVE_POWER", "NON_FINITE_VALUE", "NEGATIVE_VOLTAGE", "NON_FINITE_VALUE");
    assertThat(readingsInWindows(FEED)).isEqualTo(1);
  }

  @Test
  void readingForAFeedTheDesignDoesNotHaveIsDeadLetteredAsUnknownFeed() {
    PowerReading unknown = reading("999", T0, 1_000, 3.0);
    power.pipeInput("999", unknown, T0);
    power.pipeInput(FEED, reading(FEED, T0, 1_000, 3.0), T0);

    assertDeadLetter(RejectionReason.UNKNOWN_FEED, "999", bytes(topics.powerReadings(), unknown));
    var heartbeats = driver.getKeyValueStore(PowerTopology.HEARTBEATS_STORE);
    assertThat(heartbeats.get("999")).as("never reaches silence detection").isNull();
    assertThat(heartbeats.get(FEED)).isNotNull();
    assertThat(discrepancies.isEmpty()).isTrue();
  }

  @Test
  void readingStampedBeyondTheSkewIsDeadLetteredOneWithinItIsKept() {
    Instant farFuture = NOW.plus(Duration.ofHours(2));
    PowerReading future = reading(FEED, farFuture, 1_000, 3.0);
    power.pipeInput(FEED, future, NOW);
    power.pipeInput(FEED, reading(FEED, NOW.plus(Duration.ofMinutes(50)), 1_000, 3.0), NOW);

    assertDeadLetter(
        RejectionReason.FAR_FUTURE_TIMESTAMP, FEED, bytes(topics.powerReadings(), future));
    assertThat(readingsInWindows(FEED)).isEqualTo(1);
    // Had the far-future reading advanced stream time, every window before it would have closed
    // and been evaluated; nothing was.
    assertThat(discrepancies.isEmpty()).isTrue();
  }

  @Test
  void farFutureReadingDoesNotMoveStreamTimeSoNoFeedFallsSilent() {
    power.pipeInput(FEED, reading(FEED, T0, 1_000, 3.0), T0);
    PowerReading nextYear = reading(FEED, NOW.plus(Duration.ofDays(365)), 1_000, 3.0);
    power.pipeInput(FEED, nextYear, T0);
    power.pipeInput(FEED, reading(FEED, T0.plusSeconds(15), 1_000, 3.0), T0);

    assertDeadLetter(
        RejectionReason.FAR_FUTURE_TIMESTAMP, FEED, bytes(topics.powerReadings(), nextYear));
    // Had next year's reading moved stream time, the silence sweep would have run a year on and
    // found the feed silent since T0.
    assertThat(discrepancies.isEmpty()).isTrue();
    assertThat(readingsInWindows(FEED)).isEqualTo(2);
  }

  @Test
  void designRecordStampedInTheFarFutureIsKeptWithoutMovingStreamTime() {
    feeds.pipeInput("77", feed("77"), NOW.plus(Duration.ofDays(365)));
    power.pipeInput("77", reading("77", T0, 1_000, 3.0), T0);

    var stored = driver.<String, Object>getKeyValueStore(SharedSources.POWER_FEEDS_STORE);
    assertThat(stored.get("77")).as("an intent table keeps the record").isNotNull();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(readingsInWindows("77")).as("a window stream time had not closed").isEqualTo(1);
    assertThat(discrepancies.isEmpty()).isTrue();
  }

  @Test
  void replayedDeadLetterIsJudgedAgainNotByItsOldVerdict() {
    RecordHeaders stale = new RecordHeaders();
    stale.add(
        FarFutureGuard.CLAIMED_HEADER,
        Long.toString(NOW.plus(Duration.ofDays(365)).toEpochMilli())
            .getBytes(StandardCharsets.US_ASCII));
    power.pipeInput(new TestRecord<>(FEED, reading(FEED, T0, 1_000, 3.0), stale, T0));

    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(readingsInWindows(FEED)).isEqualTo(1);
  }

  @Test
  void readingWithoutKeyOrWithABlankKeyIsDeadLettered() {
    power.pipeInput(new TestRecord<>(null, reading(FEED, T0, 1_000, 3.0), T0));
    power.pipeInput(" ", reading(FEED, T0, 1_000, 3.0), T0);
    power.pipeInput(FEED, reading(FEED, T0, 1_000, 3.0), T0);

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters)
        .extracting(r -> header(r, DeadLetterHeaders.REASON))
        .containsExactly("NULL_KEY", "BLANK_KEY");
    assertThat(letters.get(0).key()).isNull();
    assertThat(readingsInWindows(FEED)).isEqualTo(1);
  }

  @Test
  void sensorReadingsWithNegativeFlowOrBelowAbsoluteZeroAreDeadLettered() {
    EnvironmentReading flow = sensor("flow-1", EnvironmentKind.COOLANT_FLOW, -3, "L/min");
    EnvironmentReading cold = sensor("inlet-1", EnvironmentKind.INLET_TEMPERATURE, -300, "Cel");
    EnvironmentReading nan =
        sensor("inlet-1", EnvironmentKind.INLET_TEMPERATURE, Double.NaN, "Cel");
    environment.pipeInput("flow-1", flow, T0);
    environment.pipeInput("inlet-1", cold, T0);
    environment.pipeInput("inlet-1", nan, T0);
    // A cold winter inlet is unusual but real: kept.
    environment.pipeInput(
        "inlet-1", sensor("inlet-1", EnvironmentKind.INLET_TEMPERATURE, -5, "Cel"), T0);

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters)
        .extracting(r -> header(r, DeadLetterHeaders.REASON))
        .containsExactly("NEGATIVE_FLOW", "IMPOSSIBLE_TEMPERATURE", "NON_FINITE_VALUE");
    assertThat(letters.get(0).value()).isEqualTo(bytes(topics.environmentReadings(), flow));
    assertThat(sensorReadingsInWindows("flow-1")).isZero();
    assertThat(sensorReadingsInWindows("inlet-1")).isEqualTo(1);
  }

  @Test
  void receiptsWithoutKeyOrWithNegativeQuantityAreDeadLettered() {
    Receipt negative = receipt("R-2", -4);
    receipts.pipeInput(new TestRecord<>(null, receipt("R-1", 1), T0));
    receipts.pipeInput("R-2", negative, T0);
    receipts.pipeInput("R-3", receipt("R-3", 2), T0);

    assertThat(reasons()).containsExactly("NULL_KEY", "NEGATIVE_QUANTITY");
    var stored = driver.getKeyValueStore("supply-receipts-store");
    assertThat(stored.get("R-2")).isNull();
    assertThat(stored.get("R-3")).isNotNull();
  }

  @Test
  void observationsFromTheFarFutureOrWithNegativePowerAreDeadLettered() {
    ObservedSystem future = system("aa:bb:cc:00:00:01", null);
    systems.pipeInput("aa:bb:cc:00:00:01", future, NOW.plus(Duration.ofDays(365)));
    systems.pipeInput("aa:bb:cc:00:00:02", system("aa:bb:cc:00:00:02", -100.0), T0);
    systems.pipeInput("aa:bb:cc:00:00:03", system("aa:bb:cc:00:00:03", 900.0), T0);

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters)
        .extracting(r -> header(r, DeadLetterHeaders.REASON))
        .containsExactly("FAR_FUTURE_TIMESTAMP", "NEGATIVE_POWER");
    assertThat(letters.get(0).value()).isEqualTo(bytes(topics.observedSystems(), future));
    assertThat(header(letters.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(topics.observedSystems());
    assertThat(header(letters.get(0), DeadLetterHeaders.MESSAGE)).contains("ahead of the clock");
    var stored =
        driver.<String, ObservedSystem>getKeyValueStore(SharedSources.OBSERVED_SYSTEMS_STORE);
    assertThat(stored.get("aa:bb:cc:00:00:01")).isNull();
    assertThat(stored.get("aa:bb:cc:00:00:02")).isNull();
    assertThat(stored.get("aa:bb:cc:00:00:03")).isNotNull();
  }

  @Test
  void designRecordsWithoutKeyOrWithImpossibleRatingsAreDeadLetteredWhileRead() {
    TestInputTopic<String, IntentRack> racks =
        driver.createInputTopic(
            topics.intentRacks(),
            Serdes.String().serializer(),
            serdes.value(IntentRack.class).serializer());
    IntentRack negativeBudget = rack("3", -1.0);
    IntentPowerFeed overUtilised =
        IntentPowerFeed.newBuilder(feed("502")).setMaxUtilizationPercent(150).build();
    racks.pipeInput(new TestRecord<>(null, rack("1", 20_000.0), T0));
    racks.pipeInput(" ", rack("2", 20_000.0), T0);
    racks.pipeInput("3", negativeBudget, T0);
    racks.pipeInput("4", rack("4", 20_000.0), T0);
    feeds.pipeInput("502", overUtilised, T0);
    feeds.pipeInput("503", IntentPowerFeed.newBuilder(feed("503")).setAmperage(-60).build(), T0);
    feeds.pipeInput("504", IntentPowerFeed.newBuilder(feed("504")).setVoltage(-48).build(), T0);

    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters)
        .extracting(r -> header(r, DeadLetterHeaders.REASON))
        .containsExactly(
            "NULL_KEY", "BLANK_KEY", "NEGATIVE_POWER", "PERCENT_OUT_OF_RANGE", "NEGATIVE_CURRENT");
    assertThat(letters)
        .extracting(r -> header(r, DeadLetterHeaders.EXCEPTION))
        .containsOnly(InvalidInputException.class.getName());
    assertThat(letters.get(2).value())
        .as("the source bytes, as read")
        .isEqualTo(bytes(topics.intentRacks(), negativeBudget));
    assertThat(header(letters.get(2), DeadLetterHeaders.MESSAGE)).contains("powerBudgetWatts");
    assertThat(header(letters.get(3), DeadLetterHeaders.TOPIC))
        .isEqualTo(topics.intentPowerFeeds());
    var storedRacks = driver.getKeyValueStore(SharedSources.RACKS_STORE);
    assertThat(storedRacks.get("3")).isNull();
    assertThat(storedRacks.get("4")).isNotNull();
    var storedFeeds = driver.getKeyValueStore(SharedSources.POWER_FEEDS_STORE);
    assertThat(storedFeeds.get("502")).isNull();
    assertThat(storedFeeds.get("503")).isNull();
    assertThat(storedFeeds.get("504")).as("a DC feed's negative voltage is allowed").isNotNull();
  }

  @Test
  void purchaseOrderLinesWithoutKeyOrWithNegativeQuantityAreDeadLetteredTombstonesPass() {
    TestInputTopic<String, PurchaseOrderLine> orders =
        driver.createInputTopic(
            topics.purchaseOrders(),
            Serdes.String().serializer(),
            serdes.value(PurchaseOrderLine.class).serializer());
    orders.pipeInput("PO-1/1", poLine("PO-1", 1, 10), T0);
    orders.pipeInput("PO-1/1", poLine("PO-1", 1, -10), T0);
    orders.pipeInput(new TestRecord<>(null, poLine("PO-1", 2, 5), T0));
    orders.pipeInput("PO-1/3", poLine("PO-1", 3, 5), T0);
    orders.pipeInput("PO-1/3", null, T0);

    assertThat(reasons()).containsExactly("NEGATIVE_QUANTITY", "NULL_KEY");
    var stored =
        driver.<String, PurchaseOrderLine>getKeyValueStore(SharedSources.PURCHASE_ORDERS_STORE);
    assertThat(stored.get("PO-1/1").getQuantity())
        .as("the refused line changed nothing")
        .isEqualTo(10);
    assertThat(stored.get("PO-1/3")).as("deleted by its tombstone").isNull();
  }

  private void assertDeadLetter(RejectionReason reason, String key, byte[] value) {
    List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
    assertThat(letters).hasSize(1);
    TestRecord<byte[], byte[]> letter = letters.get(0);
    assertThat(header(letter, DeadLetterHeaders.REASON)).isEqualTo(reason.name());
    assertThat(header(letter, DeadLetterHeaders.MESSAGE)).isNotBlank();
    assertThat(header(letter, DeadLetterHeaders.TOPIC)).isEqualTo(topics.powerReadings());
    assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo(key);
    assertThat(letter.value()).as("the source bytes, as read").isEqualTo(value);
  }

  private List<String> reasons() {
    return deadLetters.readRecordsToList().stream()
        .map(r -> header(r, DeadLetterHeaders.REASON))
        .toList();
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private <V extends SpecificRecord> byte[] bytes(String topic, V value) {
    @SuppressWarnings("unchecked")
    Class<V> type = (Class<V>) value.getClass();
    return serdes.value(type).serializer().serialize(topic, value);
  }

  private long readingsInWindows(String feedId) {
    WindowStore<String, FeedWindow> store = driver.getWindowStore(PowerTopology.WINDOWS_STORE);
    long readings = 0;
    try (KeyValueIterator<Windowed<String>, FeedWindow> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<Windowed<String>, FeedWindow> window = all.next();
        if (window.key.key().equals(feedId)) {
          readings += window.value.getReadings();
        }
      }
    }
    return readings;
  }

  private long sensorReadingsInWindows(String sensorId) {
    WindowStore<String, Object> store = driver.getWindowStore(CoolingTopology.WINDOWS_STORE);
    long windows = 0;
    try (KeyValueIterator<Windowed<String>, Object> all = store.all()) {
      while (all.hasNext()) {
        if (all.next().key.key().equals(sensorId)) {
          windows++;
        }
      }
    }
    return windows;
  }

  private static IntentRack rack(String id, Double budgetWatts) {
    return IntentRack.newBuilder()
        .setId(id)
        .setName("R" + id)
        .setSiteId("1")
        .setUHeight(48)
        .setPowerBudgetWatts(budgetWatts)
        .build();
  }

  private static PurchaseOrderLine poLine(String po, int line, int quantity) {
    return PurchaseOrderLine.newBuilder()
        .setPoNumber(po)
        .setLine(line)
        .setVendor("NVIDIA Partner Network")
        .setPartNumber("965-24387-0000-000")
        .setQuantity(quantity)
        .setExpectedDate(T0.plus(Duration.ofDays(7)))
        .setShipToSiteId("1")
        .setStatus("open")
        .build();
  }

  private static IntentPowerFeed feed(String id) {
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName("R02-B")
        .setSiteId("1")
        .setRackId("2")
        .setPanelName("PP-02")
        .setSide("B")
        .setPhase("three-phase")
        .setVoltage(415)
        .setAmperage(60)
        .setMaxUtilizationPercent(80)
        .setAllocatedDrawWatts(28_000.0)
        .setStatus("active")
        .setUrl("https://netbox.example.com/dcim/power-feeds/" + id + "/")
        .build();
  }

  private static PowerReading reading(String feedId, Instant at, double watts, double... amps) {
    List<PhaseReading> phases = new java.util.ArrayList<>();
    for (int i = 0; i < amps.length; i++) {
      phases.add(PhaseReading.newBuilder().setPhase("L" + (i + 1)).setCurrentAmps(amps[i]).build());
    }
    return PowerReading.newBuilder()
        .setFeedId(feedId)
        .setSourceId("pdu-" + feedId)
        .setMeasuredAt(at)
        .setTotalPowerWatts(watts)
        .setPhases(phases)
        .build();
  }

  private static EnvironmentReading sensor(
      String id, EnvironmentKind kind, double value, String unit) {
    return EnvironmentReading.newBuilder()
        .setSensorId(id)
        .setRackId(null)
        .setCduId("cdu-1")
        .setMeasuredAt(T0)
        .setKind(kind)
        .setValue(value)
        .setUnit(unit)
        .build();
  }

  private static Receipt receipt(String id, int quantity) {
    return Receipt.newBuilder()
        .setReceiptId(id)
        .setPoNumber("PO-1")
        .setPoLine(1)
        .setScannedPartNumber("965-24387-0002-000")
        .setSerialNumbers(List.of())
        .setQuantity(quantity)
        .setReceivedAt(T0)
        .setSiteId("1")
        .build();
  }

  private static ObservedSystem system(String mac, Double watts) {
    return ObservedSystem.newBuilder()
        .setBmcId(mac)
        .setBmcMac(mac)
        .setObservedAt(T0)
        .setPowerWatts(watts)
        .setGpus(List.of())
        .setNics(List.of())
        .setFirmware(Map.of())
        .setReadErrors(List.of())
        .build();
  }
}
