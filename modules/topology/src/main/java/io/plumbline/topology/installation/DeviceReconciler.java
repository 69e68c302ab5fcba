package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.lifecycle.DiscrepancyLifecycle;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.OpenDiscrepancies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Re-evaluates one device whenever its intent, its type, its rack, its match or its observation
 * changes, keeps its open discrepancies in a store keyed {@code deviceId/discrepancyId}, and
 * forwards the transitions and the reconciled device.
 *
 * <p>Devices not yet seen whose install deadline lies ahead wait in a second store; a stream-time
 * punctuation re-evaluates those whose deadline has passed, so DEVICE_NOT_SEEN opens even when no
 * record about the device arrives, deterministically in stream time.
 */
final class DeviceReconciler implements Processor<String, DeviceContext, String, DeviceVerdict> {

  private final String openStoreName;
  private final String awaitingStoreName;
  private final Duration deadlineCheckInterval;
  private ProcessorContext<String, DeviceVerdict> context;
  private OpenDiscrepancies openStore;
  private KeyValueStore<String, DeviceContext> awaiting;

  DeviceReconciler(String openStoreName, String awaitingStoreName, Duration deadlineCheckInterval) {
    this.openStoreName = openStoreName;
    this.awaitingStoreName = awaitingStoreName;
    this.deadlineCheckInterval = deadlineCheckInterval;
  }

  @Override
  public void init(ProcessorContext<String, DeviceVerdict> context) {
    this.context = context;
    this.openStore = new OpenDiscrepancies(context.getStateStore(openStoreName));
    this.awaiting = context.getStateStore(awaitingStoreName);
    context.schedule(deadlineCheckInterval, PunctuationType.STREAM_TIME, this::checkDeadlines);
  }

  @Override
  public void process(Record<String, DeviceContext> record) {
    String deviceId = record.key();
    if (deviceId == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(record.timestamp());
    // Deadlines are judged against stream time: a late-stamped record cannot hide a passed one.
    Instant streamTime =
        Instant.ofEpochMilli(Math.max(record.timestamp(), context.currentStreamTimeMs()));
    DeviceContext device = record.value();
    if (device == null) {
      awaiting.delete(deviceId);
      List<Discrepancy> open = openStore.of(deviceId);
      DiscrepancyLifecycle.Step step = DiscrepancyLifecycle.resolveAll(open, now);
      openStore.replace(deviceId, open, step.open());
      context.forward(record.withValue(new DeviceVerdict(step.transitions(), null)));
      return;
    }
    if (PresenceCheck.awaitingDeadline(device, streamTime)) {
      awaiting.put(deviceId, device);
    } else {
      awaiting.delete(deviceId);
    }
    context.forward(record.withValue(evaluate(deviceId, device, now, streamTime)));
  }

  private void checkDeadlines(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    List<KeyValue<String, DeviceContext>> due = new ArrayList<>();
    try (KeyValueIterator<String, DeviceContext> it = awaiting.all()) {
      it.forEachRemaining(
          kv -> {
            if (!PresenceCheck.awaitingDeadline(kv.value, now)) {
              due.add(kv);
            }
          });
    }
    for (KeyValue<String, DeviceContext> kv : due) {
      awaiting.delete(kv.key);
      context.forward(new Record<>(kv.key, evaluate(kv.key, kv.value, now, now), timestamp));
    }
  }

  private DeviceVerdict evaluate(
      String deviceId, DeviceContext device, Instant now, Instant streamTime) {
    List<Discrepancy> open = openStore.of(deviceId);
    Evaluation evaluation = DeviceChecks.evaluate(device, streamTime);
    DiscrepancyLifecycle.Step step = DiscrepancyLifecycle.apply(open, evaluation, now);
    openStore.replace(deviceId, open, step.open());
    ReconciledDevice reconciled = reconciled(device, evaluation, step.open().size(), now);
    return new DeviceVerdict(step.transitions(), reconciled);
  }

  private static ReconciledDevice reconciled(
      DeviceContext context, Evaluation evaluation, int openCount, Instant now) {
    IntentDevice device = context.getDevice();
    IntentDeviceType type = context.getDeviceType();
    ObservedSystem observed = context.getObserved();
    String observedSerial = ObservedSerial.of(context);
    ReconciledDevice.Builder out =
        ReconciledDevice.newBuilder()
            .setDeviceId(device.getId())
            .setName(device.getName())
            .setSiteId(device.getSiteId())
            .setRackId(device.getRackId())
            .setPosition(device.getPosition())
            .setDeviceTypeId(device.getDeviceTypeId())
            .setSerial(observedSerial != null ? observedSerial : device.getSerial())
            .setOpenDiscrepancies(openCount)
            .setUpdatedAt(now);
    if (type != null) {
      out.setExpectedModel(type.getModel()).setExpectedPartNumber(type.getPartNumber());
    }
    if (observed != null) {
      out.setBmcId(observed.getBmcId())
          .setObservedModel(observed.getModel())
          .setObservedPartNumber(observed.getPartNumber())
          // An empty GPU list is "not reported", not zero GPUs.
          .setObservedGpuCount(observed.getGpus().isEmpty() ? null : observed.getGpus().size())
          .setObservedFirmware(observed.getFirmware())
          .setPowerWatts(observed.getPowerWatts());
    }
    out.setStage(stage(context, evaluation, openCount));
    return out.build();
  }

  // Supply stages (ORDERED, RECEIVED) join here once purchase orders and receipts are reconciled.
  private static LifecycleStage stage(DeviceContext context, Evaluation evaluation, int openCount) {
    if (context.getObserved() == null) {
      return LifecycleStage.PLANNED;
    }
    return DeviceChecks.verified(context, evaluation, openCount)
        ? LifecycleStage.VERIFIED
        : LifecycleStage.INSTALLED;
  }
}
