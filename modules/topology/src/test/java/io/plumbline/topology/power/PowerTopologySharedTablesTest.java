package io.plumbline.topology.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Power composed with intent tables another domain already reads. */
class PowerTopologySharedTablesTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

  @Test
  void worksOnFeedAndRackTablesReadElsewhere(@TempDir Path stateDir) {
    PlumblineTopics topics = PlumblineTopics.defaultTopics();
    TopologyConfig config = TestTopologies.config(topics, "power-shared");
    var serdes = config.serdes();
    var keys = Serdes.String();
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, IntentPowerFeed> feeds =
        builder.table(
            topics.intentPowerFeeds(),
            Consumed.with(keys, serdes.value(IntentPowerFeed.class))
                .withName("shared-power-feeds-source"),
            Materialized.<String, IntentPowerFeed, KeyValueStore<Bytes, byte[]>>as(
                    "shared-power-feeds-store")
                .withKeySerde(keys)
                .withValueSerde(serdes.value(IntentPowerFeed.class)));
    KTable<String, IntentRack> racks =
        builder.table(
            topics.intentRacks(),
            Consumed.with(keys, serdes.value(IntentRack.class)).withName("shared-racks-source"),
            Materialized.<String, IntentRack, KeyValueStore<Bytes, byte[]>>as("shared-racks-store")
                .withKeySerde(keys)
                .withValueSerde(serdes.value(IntentRack.class)));
    new PowerTopology(config).addTo(builder, feeds, racks);
    Properties props = TestTopologies.streamsProperties("power-shared-test", stateDir);

    try (TopologyTestDriver driver = TestTopologies.driver(builder.build(), props)) {
      var feedInput =
          driver.createInputTopic(
              topics.intentPowerFeeds(),
              keys.serializer(),
              serdes.value(IntentPowerFeed.class).serializer());
      var readings =
          driver.createInputTopic(
              topics.powerReadings(),
              keys.serializer(),
              serdes.value(PowerReading.class).serializer());
      var discrepancies =
          driver.createOutputTopic(
              topics.discrepancies(),
              keys.deserializer(),
              serdes.value(Discrepancy.class).deserializer());
      feedInput.pipeInput(
          "501",
          IntentPowerFeed.newBuilder()
              .setId("501")
              .setName("R02-B")
              .setSiteId("1")
              .setPhase("single-phase")
              .setVoltage(208)
              .setAmperage(30)
              .setMaxUtilizationPercent(80)
              .build(),
          T0);
      readings.pipeInput("501", reading(T0.plusSeconds(10), 5_000));
      readings.pipeInput("501", reading(T0.plusSeconds(90), 0));

      assertThat(discrepancies.readValuesToList())
          .extracting(Discrepancy::getId)
          .containsExactly("FEED_OVER_BUDGET:POWER_FEED:501");
      assertThat(driver.getAllStateStores()).doesNotContainKey("power-feeds-store");
    }
  }

  private static PowerReading reading(Instant at, double watts) {
    return PowerReading.newBuilder()
        .setFeedId("501")
        .setSourceId("pdu-501")
        .setMeasuredAt(at)
        .setTotalPowerWatts(watts)
        .build();
  }
}
