package io.plumbline.it.serde;

import static io.plumbline.it.serde.SerdeSettings.settings;
import static io.plumbline.it.serde.SerdeSettings.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.serde.RegistryUnavailableException;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry goes away after the serdes warmed up: known schemas keep flowing from the cache, and
 * only a schema never seen before fails, naming the registry.
 */
class RegistryOutageIT {

  private static ApicurioRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = ApicurioRegistry.start();
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void warmSerdesOutliveTheRegistry() {
    String topic = uniqueTopic("redfish.systems");
    Map<String, Object> settings = settings(registry);
    SpecificAvroSerializer<ObservedSystem> serializer = new SpecificAvroSerializer<>();
    serializer.configure(settings, false);
    SpecificAvroDeserializer<ObservedSystem> deserializer = new SpecificAvroDeserializer<>();
    deserializer.configure(settings, false);
    deserializer.deserialize(
        topic, serializer.serialize(topic, ContractRecords.observedSystem("warm")));

    registry.close();
    assertThat(registry.isAlive()).isFalse();

    for (int i = 0; i < 1_000; i++) {
      ObservedSystem system = ContractRecords.observedSystem("bmc-" + i);
      assertThat(deserializer.deserialize(topic, serializer.serialize(topic, system)))
          .isEqualTo(system);
    }
    SpecificAvroSerializer<Discrepancy> cold = new SpecificAvroSerializer<>();
    cold.configure(settings, false);
    assertThatThrownBy(() -> cold.serialize(topic, ContractRecords.discrepancy("d")))
        .isInstanceOf(RegistryUnavailableException.class)
        .hasMessageContaining("unreachable at " + registry.ccompatUrl())
        .hasMessageContaining("failed 2 time(s)");
  }
}
