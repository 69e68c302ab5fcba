package io.plumbline.simulator;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record for an input topic, at a simulated time. A null value is a tombstone (a deletion).
 *
 * @param phase the scenario phase it belongs to; a phase's records should be fully reconciled
 *     before the next phase's are produced, as they would be in a real build-out, where days pass
 *     between orders, deliveries and installation
 */
public record SimEvent(
    Scenario.Phase phase, TopicRole role, String key, SpecificRecord value, long timestamp) {}
