package io.plumbline.topology;

import io.plumbline.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** Builds value serdes configured once from the registry settings; no global mutable serdes. */
public final class AvroSerdes {

  private final Map<String, ?> registrySettings;

  public AvroSerdes(Map<String, ?> registrySettings) {
    this.registrySettings = Map.copyOf(registrySettings);
  }

  /** A configured value serde for a generated record class. */
  public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
    serde.configure(registrySettings, false);
    return serde;
  }
}
