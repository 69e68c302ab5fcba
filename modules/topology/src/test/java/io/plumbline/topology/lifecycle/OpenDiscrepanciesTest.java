package io.plumbline.topology.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenDiscrepanciesTest {

  private KeyValueStore<String, Discrepancy> store;
  private OpenDiscrepancies open;

  @BeforeEach
  void openStore() {
    TopologyConfig config =
        new TopologyConfig(
            PlumblineTopics.defaultTopics(),
            Map.of("schema.registry.url", "mock://open-discrepancies-" + UUID.randomUUID()));
    Serde<Discrepancy> values = config.serdes().value(Discrepancy.class);
    store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("open"), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    MockProcessorContext<String, Discrepancy> context = new MockProcessorContext<>();
    store.init(context.getStateStoreContext(), store);
    open = new OpenDiscrepancies(store);
  }

  @Test
  void subjectKeysContainingTheSeparatorDoNotSeeEachOther() {
    put("leaf-1", "a");
    put("leaf-1/eth1", "b");
    put("leaf-1/eth1/2", "c");
    put("leaf-1%2Feth1", "d");

    assertThat(ids("leaf-1")).containsExactly("a");
    assertThat(ids("leaf-1/eth1")).containsExactly("b");
    assertThat(ids("leaf-1/eth1/2")).containsExactly("c");
    assertThat(ids("leaf-1%2Feth1")).containsExactly("d");
  }

  @Test
  void replacingOneSubjectLeavesTheOthersAlone() {
    put("rack/1", "x");
    put("rack", "y");

    open.replace("rack/1", open.of("rack/1"), Map.of());

    assertThat(ids("rack/1")).isEmpty();
    assertThat(ids("rack")).containsExactly("y");
  }

  @Test
  void plainKeysAreStoredAsBefore() {
    assertThat(OpenDiscrepancies.prefix("101")).isEqualTo("101/");
    assertThat(OpenDiscrepancies.prefix("a/b")).isEqualTo("a%2Fb/");
    assertThat(OpenDiscrepancies.prefix("a%b")).isEqualTo("a%25b/");
  }

  private void put(String subjectKey, String id) {
    Discrepancy d = discrepancy(id);
    open.replace(subjectKey, List.of(), Map.of(id, d));
  }

  private List<String> ids(String subjectKey) {
    return open.of(subjectKey).stream().map(Discrepancy::getId).toList();
  }

  private static Discrepancy discrepancy(String id) {
    Instant at = Instant.EPOCH;
    return Discrepancy.newBuilder()
        .setId(id)
        .setType(DiscrepancyType.WRONG_SKU)
        .setDomain(DiscrepancyDomain.INSTALLATION)
        .setSeverity(Severity.WARNING)
        .setState(DiscrepancyState.OPENED)
        .setSubject(Subject.newBuilder().setKind(SubjectKind.DEVICE).setId(id).build())
        .setFirstSeen(at)
        .setLastSeen(at)
        .setChangedAt(at)
        .setRevision(1)
        .build();
  }
}
