package io.plumbline.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.topology.design.DesignTopology;
import io.plumbline.topology.installation.InstallationTopology;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Domains that read the same intent topics compose only through one {@link SharedSources}. */
class SharedSourcesTest {

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private final TopologyConfig config = TestTopologies.config(topics, "intent-tables");

  @TempDir Path stateDir;

  @Test
  void domainsReadingTheirOwnSourcesCannotBeComposed() {
    StreamsBuilder builder = new StreamsBuilder();
    new InstallationTopology(config).addTo(builder);
    new DesignTopology(config).addTo(builder);

    assertThatThrownBy(builder::build)
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("already");
  }

  @Test
  void domainsSharingTheSharedSourcesComposeAndRun() {
    StreamsBuilder builder = new StreamsBuilder();
    SharedSources intent = new SharedSources(builder, config);
    new InstallationTopology(config).addTo(builder, intent);
    new DesignTopology(config).addTo(builder, intent);

    Properties props = TestTopologies.streamsProperties("intent-tables-test", stateDir);
    try (TopologyTestDriver driver = TestTopologies.driver(builder.build(), props)) {
      var feeds =
          driver.createInputTopic(
              topics.intentPowerFeeds(),
              Serdes.String().serializer(),
              config.serdes().value(IntentPowerFeed.class).serializer());
      var discrepancies =
          driver.createOutputTopic(
              topics.discrepancies(),
              Serdes.String().deserializer(),
              config.serdes().value(Discrepancy.class).deserializer());

      feeds.pipeInput(
          "701",
          IntentPowerFeed.newBuilder()
              .setId("701")
              .setName("R14-A")
              .setSiteId("1")
              .setVoltage(415)
              .setAmperage(60)
              .setAllocatedDrawWatts(36_000.0)
              .build(),
          Instant.parse("2026-11-26T08:00:00Z"));

      assertThat(discrepancies.readValuesToList())
          .extracting(Discrepancy::getType)
          .containsExactly(DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY);
    }
  }
}
