package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import java.util.Map;

/**
 * What a set of telemetry checks concluded about one subject: the verdict to publish, and the level
 * of each decided check to remember for the next evaluation (the hysteresis state).
 */
public record Assessment(TelemetryVerdict verdict, Map<DiscrepancyType, Severity> levels) {}
