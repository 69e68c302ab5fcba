package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.DeviceReceipt;
import io.plumbline.avro.internal.v1.InstalledSerial;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.lifecycle.DiscrepancyLifecycle;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.OpenDiscrepancies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * <p>Devices waiting for a deadline (not yet seen with an install deadline ahead, or reporting a
 * serial no receipt carries yet, within the receiving grace) wait in a second store; a stream-time
 * punctuation re-evaluates those whose deadline has passed, so DEVICE_NOT_SEEN and
 * SERIAL_NOT_RECEIVED open even when no record about the device arrives, deterministically in
 * stream time. A third store remembers since when each device has reported its serial.
 *
 * <p>When supply is joined (receipts by serial, PO coverage by site and SKU), SERIAL_NOT_RECEIVED
 * is decided and the reconciled device carries its receipt, PO line and the ORDERED and RECEIVED
 * stages; without supply those stay undecided and empty.
 */
final class DeviceReconciler implements Processor<String, DeviceContext, String, DeviceVerdict> {

  private final String openStoreName;
  private final String awaitingStoreName;
  private final String installedStoreName;
  private final InstallationPolicy policy;
  private final boolean supplyJoined;
  private ProcessorContext<String, DeviceVerdict> context;
  private OpenDiscrepancies openStore;
  private KeyValueStore<String, DeviceContext> awaiting;
  private KeyValueStore<String, InstalledSerial> installed;

  DeviceReconciler(
      String openStoreName,
      String awaitingStoreName,
      String installedStoreName,
      InstallationPolicy policy,
      boolean supplyJoined) {
    this.openStoreName = openStoreName;
    this.awaitingStoreName = awaitingStoreName;
    this.installedStoreName = installedStoreName;
    this.policy = policy;
    this.supplyJoined = supplyJoined;
  }

  @Override
  public void init(ProcessorContext<String, DeviceVerdict> context) {
    this.context = context;
    this.openStore = new OpenDiscrepancies(context.getStateStore(openStoreName));
    this.awaiting = context.getStateStore(awaitingStoreName);
    this.installed = context.getStateStore(installedStoreName);
    context.schedule(
        policy.deadlineCheckInterval(), PunctuationType.STREAM_TIME, this::checkDeadlines);
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
      installed.delete(deviceId);
      List<Discrepancy> open = openStore.of(deviceId);
      DiscrepancyLifecycle.Step step = DiscrepancyLifecycle.resolveAll(open, now);
      openStore.replace(deviceId, open, step.open());
      context.forward(record.withValue(new DeviceVerdict(step.transitions(), null)));
      return;
    }
    InstalledSerial serial = installedSerial(deviceId, device, streamTime);
    if (awaitingDeadline(device, serial, streamTime)) {
      awaiting.put(deviceId, device);
    } else {
      awaiting.delete(deviceId);
    }
    context.forward(record.withValue(evaluate(deviceId, device, serial, now, streamTime)));
  }

  /**
   * The serial the device reports and since when: kept while it reports the same one, restarted at
   * {@code streamTime} when it reports another; kept when it reports none (no evidence).
   */
  private InstalledSerial installedSerial(
      String deviceId, DeviceContext device, Instant streamTime) {
    InstalledSerial known = installed.get(deviceId);
    String serial = ObservedSerial.of(device);
    if (serial == null || (known != null && serial.equals(known.getSerial()))) {
      return known;
    }
    InstalledSerial since = new InstalledSerial(serial, streamTime);
    installed.put(deviceId, since);
    return since;
  }

  private boolean awaitingDeadline(DeviceContext device, InstalledSerial serial, Instant now) {
    return PresenceCheck.awaitingDeadline(device, now)
        || (supplyJoined
            && ReceivingCheck.awaitingGrace(device, serial, now, policy.receivingGrace()));
  }

  private void checkDeadlines(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    List<KeyValue<String, DeviceContext>> due = new ArrayList<>();
    try (KeyValueIterator<String, DeviceContext> it = awaiting.all()) {
      it.forEachRemaining(
          kv -> {
            if (!awaitingDeadline(kv.value, installed.get(kv.key), now)) {
              due.add(kv);
            }
          });
    }
    for (KeyValue<String, DeviceContext> kv : due) {
      awaiting.delete(kv.key);
      DeviceVerdict verdict = evaluate(kv.key, kv.value, installed.get(kv.key), now, now);
      context.forward(new Record<>(kv.key, verdict, timestamp));
    }
  }

  private DeviceVerdict evaluate(
      String deviceId,
      DeviceContext device,
      InstalledSerial serial,
      Instant now,
      Instant streamTime) {
    List<Discrepancy> open = openStore.of(deviceId);
    Evaluation evaluation = DeviceChecks.evaluate(device, streamTime);
    if (supplyJoined) {
      evaluation =
          Evaluations.combine(
              evaluation,
              ReceivingCheck.evaluate(device, serial, streamTime, policy.receivingGrace()));
    }
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
    DeviceReceipt receipt = firstReceipt(context);
    if (receipt != null) {
      out.setReceiptId(receipt.getReceiptId())
          .setPoNumber(receipt.getPoNumber())
          .setPoLine(receipt.getPoLine());
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

  /**
   * The receipt that carries the device's serial; the first by id when several do (a
   * DUPLICATE_SERIAL), so the choice is deterministic.
   */
  private static DeviceReceipt firstReceipt(DeviceContext context) {
    return context.getReceivedOn().stream()
        .min(Comparator.comparing(DeviceReceipt::getReceiptId))
        .orElse(null);
  }

  /**
   * PLANNED, then ORDERED once covering PO lines order the whole demand for its SKU at its site,
   * RECEIVED once a receipt carries its serial, INSTALLED once its BMC is matched, VERIFIED when
   * the installation evidence is in and nothing is open. Each stage wins over the earlier ones.
   */
  private static LifecycleStage stage(DeviceContext context, Evaluation evaluation, int openCount) {
    if (context.getObserved() == null) {
      if (!context.getReceivedOn().isEmpty()) {
        return LifecycleStage.RECEIVED;
      }
      return context.getOrdered() ? LifecycleStage.ORDERED : LifecycleStage.PLANNED;
    }
    return DeviceChecks.verified(context, evaluation, openCount)
        ? LifecycleStage.VERIFIED
        : LifecycleStage.INSTALLED;
  }
}
