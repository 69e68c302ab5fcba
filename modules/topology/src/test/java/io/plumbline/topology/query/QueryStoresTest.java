package io.plumbline.topology.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryStoresTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String ID = "WRONG_SKU:DEVICE:1402";

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private final TopologyConfig config = TestTopologies.config(topics, "query-stores");

  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, Discrepancy> discrepancies;
  private TestInputTopic<String, Acknowledgement> acknowledgements;
  private KeyValueStore<String, DiscrepancyView> views;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    new QueryStores(config).addTo(builder);
    Properties props = TestTopologies.streamsProperties("query-stores-test", stateDir);
    driver = TestTopologies.driver(builder.build(), props);
    discrepancies =
        driver.createInputTopic(
            topics.discrepancies(),
            Serdes.String().serializer(),
            config.serdes().value(Discrepancy.class).serializer());
    acknowledgements =
        driver.createInputTopic(
            topics.acknowledgements(),
            Serdes.String().serializer(),
            config.serdes().value(Acknowledgement.class).serializer());
    views = driver.getKeyValueStore(QueryStores.DISCREPANCIES_STORE);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void keepsTheLatestTransitionAndTheHistoryInOrder() {
    discrepancies.pipeInput(ID, transition(DiscrepancyState.OPENED, 1), T0);
    discrepancies.pipeInput(ID, transition(DiscrepancyState.UPDATED, 2), T0.plusSeconds(5));

    DiscrepancyView view = views.get(ID);
    assertThat(view.getCurrent().getState()).isEqualTo(DiscrepancyState.UPDATED);
    assertThat(view.getHistory()).extracting(Discrepancy::getRevision).containsExactly(1, 2);
  }

  @Test
  void aRedeliveredTransitionChangesNothing() {
    discrepancies.pipeInput(ID, transition(DiscrepancyState.OPENED, 1), T0);
    discrepancies.pipeInput(ID, transition(DiscrepancyState.OPENED, 1), T0);

    assertThat(views.get(ID).getHistory()).hasSize(1);
  }

  @Test
  void historyIsBounded() {
    for (int revision = 1; revision <= DiscrepancyViews.HISTORY_LIMIT + 7; revision++) {
      discrepancies.pipeInput(
          ID, transition(DiscrepancyState.UPDATED, revision), T0.plusSeconds(revision));
    }

    DiscrepancyView view = views.get(ID);
    assertThat(view.getHistory()).hasSize(DiscrepancyViews.HISTORY_LIMIT);
    assertThat(view.getHistory().get(0).getRevision()).isEqualTo(8);
    assertThat(view.getCurrent().getRevision()).isEqualTo(DiscrepancyViews.HISTORY_LIMIT + 7);
  }

  @Test
  void anAcknowledgementShowsUntilWithdrawn() {
    discrepancies.pipeInput(ID, transition(DiscrepancyState.OPENED, 1), T0);
    acknowledgements.pipeInput(ID, acknowledgement(), T0.plusSeconds(60));
    assertThat(views.get(ID).getAcknowledgement().getBy()).isEqualTo("facilities");

    acknowledgements.pipeInput(ID, (Acknowledgement) null, T0.plusSeconds(120));
    assertThat(views.get(ID).getAcknowledgement()).isNull();
    assertThat(views.get(ID).getCurrent().getState()).isEqualTo(DiscrepancyState.OPENED);
  }

  @Test
  void resolvingEndsTheAcknowledgement() {
    discrepancies.pipeInput(ID, transition(DiscrepancyState.OPENED, 1), T0);
    acknowledgements.pipeInput(ID, acknowledgement(), T0.plusSeconds(60));
    discrepancies.pipeInput(ID, transition(DiscrepancyState.RESOLVED, 2), T0.plusSeconds(90));

    assertThat(views.get(ID).getAcknowledgement()).isNull();
    assertThat(views.get(ID).getCurrent().getState()).isEqualTo(DiscrepancyState.RESOLVED);
  }

  @Test
  void anAcknowledgementBeforeTheFirstTransitionIsKept() {
    acknowledgements.pipeInput(ID, acknowledgement(), T0);
    discrepancies.pipeInput(ID, transition(DiscrepancyState.OPENED, 1), T0.plusSeconds(1));

    assertThat(views.get(ID).getAcknowledgement()).isNotNull();
    assertThat(views.get(ID).getCurrent()).isNotNull();
  }

  @Test
  void theReconciledInventoryIsQueryableByDeviceId() {
    TestInputTopic<String, ReconciledDevice> inventory =
        driver.createInputTopic(
            topics.reconciledInventory(),
            Serdes.String().serializer(),
            config.serdes().value(ReconciledDevice.class).serializer());
    inventory.pipeInput(
        "1402",
        ReconciledDevice.newBuilder()
            .setDeviceId("1402")
            .setName("r14-node02")
            .setSiteId("3")
            .setDeviceTypeId("21")
            .setStage(LifecycleStage.INSTALLED)
            .setUpdatedAt(T0)
            .build(),
        T0);

    KeyValueStore<String, ReconciledDevice> devices =
        driver.getKeyValueStore(QueryStores.DEVICES_STORE);
    assertThat(devices.get("1402").getName()).isEqualTo("r14-node02");
  }

  private static Discrepancy transition(DiscrepancyState state, int revision) {
    Instant at = T0.plusSeconds(revision);
    return Discrepancy.newBuilder()
        .setId(ID)
        .setType(DiscrepancyType.WRONG_SKU)
        .setDomain(DiscrepancyDomain.INSTALLATION)
        .setSeverity(Severity.CRITICAL)
        .setState(state)
        .setSubject(Subject.newBuilder().setKind(SubjectKind.DEVICE).setId("1402").build())
        .setExpected("model DGX B200")
        .setObserved("model DGX H100")
        .setFirstSeen(T0)
        .setLastSeen(at)
        .setChangedAt(at)
        .setRevision(revision)
        .build();
  }

  private static Acknowledgement acknowledgement() {
    return Acknowledgement.newBuilder()
        .setDiscrepancyId(ID)
        .setBy("facilities")
        .setReason("CHG-1: swap booked")
        .setAcknowledgedAt(T0.plusSeconds(60))
        .build();
  }
}
