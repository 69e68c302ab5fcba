package io.plumbline.topology;

import io.plumbline.topology.validation.ValidationPolicy;
import java.util.Map;
import java.util.Objects;

/**
 * What the topology needs to be built: topic names, the schema registry settings its serdes use,
 * and the limits of input validation. Immutable; the topology is a function of it.
 */
public record TopologyConfig(
    PlumblineTopics topics, Map<String, ?> registrySettings, ValidationPolicy validation) {

  public TopologyConfig {
    registrySettings = Map.copyOf(registrySettings);
    Objects.requireNonNull(validation, "validation");
  }

  /** With the default validation limits. */
  public TopologyConfig(PlumblineTopics topics, Map<String, ?> registrySettings) {
    this(topics, registrySettings, ValidationPolicy.defaults());
  }

  /** Serdes bound to this configuration's registry. */
  public AvroSerdes serdes() {
    return new AvroSerdes(registrySettings);
  }
}
