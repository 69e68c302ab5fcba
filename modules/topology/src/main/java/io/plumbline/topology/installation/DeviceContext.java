package io.plumbline.topology.installation;

import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedSystem;

/**
 * Everything known about one intended device: its intent, its device type (null until NetBox's type
 * arrives) and the latest observation of the system matched to it (null until seen).
 */
public record DeviceContext(IntentDevice device, IntentDeviceType type, ObservedSystem observed) {}
