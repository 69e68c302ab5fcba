package io.plumbline.it.serde;

import static io.plumbline.it.serde.SerdeSettings.settings;
import static io.plumbline.it.serde.SerdeSettings.uniqueTopic;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.RegisteredSchema;
import io.plumbline.serde.SchemaRegistryClient;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Once warm, records cost no registry call: counted at the client the serdes use. */
class RegistryCacheIT {

  private static ApicurioRegistry registry;

  @BeforeAll
  static void startRegistry() {
    registry = SharedComponents.registry();
  }

  @Test
  void aThousandRecordsCostOneRegistrationAndOneSchemaFetch() {
    String topic = uniqueTopic("redfish.systems");
    AvroSerdeConfig config = AvroSerdeConfig.parse(settings(registry));
    // Writer and reader as in two processes: separate clients, each with a cold cache.
    CountingClient writerClient = new CountingClient(SchemaRegistryClients.createUnshared(config));
    CountingClient readerClient = new CountingClient(SchemaRegistryClients.createUnshared(config));
    SpecificAvroSerializer<ObservedSystem> serializer = new SpecificAvroSerializer<>(writerClient);
    serializer.configure(settings(registry), false);
    SpecificAvroDeserializer<ObservedSystem> deserializer =
        new SpecificAvroDeserializer<>(readerClient);
    deserializer.configure(settings(registry), false);

    for (int i = 0; i < 1_000; i++) {
      ObservedSystem system = ContractRecords.observedSystem("bmc-" + i);
      assertThat(deserializer.deserialize(topic, serializer.serialize(topic, system)))
          .isEqualTo(system);
    }

    assertThat(writerClient.calls()).isEqualTo(1);
    assertThat(readerClient.calls()).isEqualTo(1);
  }

  /** Counts calls to the client below the serdes, without changing answers. */
  private static final class CountingClient implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final AtomicInteger calls = new AtomicInteger();

    CountingClient(SchemaRegistryClient delegate) {
      this.delegate = delegate;
    }

    int calls() {
      return calls.get();
    }

    @Override
    public int register(String subject, Schema schema) {
      calls.incrementAndGet();
      return delegate.register(subject, schema);
    }

    @Override
    public int getId(String subject, Schema schema) {
      calls.incrementAndGet();
      return delegate.getId(subject, schema);
    }

    @Override
    public Schema getSchemaById(int id) {
      calls.incrementAndGet();
      return delegate.getSchemaById(id);
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
      calls.incrementAndGet();
      return delegate.getLatestVersion(subject);
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
      calls.incrementAndGet();
      return delegate.testCompatibility(subject, schema);
    }

    @Override
    public List<String> getAllSubjects() {
      calls.incrementAndGet();
      return delegate.getAllSubjects();
    }
  }
}
