package io.plumbline.topology;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.topology.cabling.CablingTopology;
import io.plumbline.topology.cooling.CoolingTopology;
import io.plumbline.topology.design.DesignTopology;
import io.plumbline.topology.installation.InstallationTopology;
import io.plumbline.topology.power.PowerTopology;
import io.plumbline.topology.query.QueryStores;
import io.plumbline.topology.supply.SupplyTopology;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KTable;

/**
 * The whole reconciler as one function of its configuration: each domain adds its part to one
 * builder. Every store, repartition and changelog is named, so the description is stable.
 */
public final class PlumblineTopology {

  private PlumblineTopology() {}

  /** Builds the topology; the same config always yields the same description. */
  public static Topology build(TopologyConfig config) {
    StreamsBuilder builder = new StreamsBuilder();
    SharedSources sources = new SharedSources(builder, config);
    KTable<String, DeviceContext> devices =
        new InstallationTopology(config).addTo(builder, sources);
    new CablingTopology(config).addTo(builder, sources, devices);
    new DesignTopology(config).addTo(builder, sources);
    new SupplyTopology(config).addTo(builder, sources);
    new PowerTopology(config).addTo(builder, sources);
    new CoolingTopology(config).addTo(builder);
    new QueryStores(config).addTo(builder);
    return builder.build();
  }
}
