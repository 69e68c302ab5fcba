package io.plumbline.topology.cabling;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.PlannedLinks;

/**
 * A device's context (intent, type, latest observation) with the cables planned on it (null when
 * none). Passed between processors only, never serialized.
 */
record DeviceCabling(DeviceContext context, PlannedLinks planned) {}
