package io.plumbline.topology;

import java.util.Map;

/**
 * What the topology needs to be built: topic names and the schema registry settings its serdes use.
 * Immutable; the topology is a function of it.
 */
public record TopologyConfig(PlumblineTopics topics, Map<String, ?> registrySettings) {

  public TopologyConfig {
    registrySettings = Map.copyOf(registrySettings);
  }

  /** Serdes bound to this configuration's registry. */
  public AvroSerdes serdes() {
    return new AvroSerdes(registrySettings);
  }
}
