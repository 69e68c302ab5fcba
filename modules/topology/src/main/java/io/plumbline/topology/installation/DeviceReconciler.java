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
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Re-evaluates one device whenever its intent, its type or its observation changes, keeps its open
 * discrepancies in a store keyed {@code deviceId/discrepancyId}, and forwards the transitions and
 * the reconciled device.
 */
final class DeviceReconciler implements Processor<String, DeviceContext, String, DeviceVerdict> {

  private final String storeName;
  private ProcessorContext<String, DeviceVerdict> context;
  private OpenDiscrepancies openStore;

  DeviceReconciler(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, DeviceVerdict> context) {
    this.context = context;
    this.openStore = new OpenDiscrepancies(context.getStateStore(storeName));
  }

  @Override
  public void process(Record<String, DeviceContext> record) {
    String deviceId = record.key();
    if (deviceId == null) {
      return;
    }
    Instant now = Instant.ofEpochMilli(record.timestamp());
    List<Discrepancy> open = openStore.of(deviceId);
    DeviceContext device = record.value();
    if (device == null) {
      DiscrepancyLifecycle.Step step = DiscrepancyLifecycle.resolveAll(open, now);
      openStore.replace(deviceId, open, step.open());
      context.forward(record.withValue(new DeviceVerdict(step.transitions(), null)));
      return;
    }
    Evaluation evaluation = SkuCheck.evaluate(device);
    DiscrepancyLifecycle.Step step = DiscrepancyLifecycle.apply(open, evaluation, now);
    openStore.replace(deviceId, open, step.open());
    ReconciledDevice reconciled = reconciled(device, evaluation, step.open().size(), now);
    context.forward(record.withValue(new DeviceVerdict(step.transitions(), reconciled)));
  }

  private static ReconciledDevice reconciled(
      DeviceContext context, Evaluation evaluation, int openCount, Instant now) {
    IntentDevice device = context.getDevice();
    IntentDeviceType type = context.getDeviceType();
    ObservedSystem observed = context.getObserved();
    ReconciledDevice.Builder out =
        ReconciledDevice.newBuilder()
            .setDeviceId(device.getId())
            .setName(device.getName())
            .setSiteId(device.getSiteId())
            .setRackId(device.getRackId())
            .setPosition(device.getPosition())
            .setDeviceTypeId(device.getDeviceTypeId())
            .setSerial(device.getSerial())
            .setOpenDiscrepancies(openCount)
            .setUpdatedAt(now);
    if (type != null) {
      out.setExpectedModel(type.getModel()).setExpectedPartNumber(type.getPartNumber());
    }
    if (observed != null) {
      out.setBmcId(observed.getBmcId())
          .setObservedModel(observed.getModel())
          .setObservedPartNumber(observed.getPartNumber())
          .setObservedGpuCount(observed.getGpus().size())
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
    boolean verified = !evaluation.decided().isEmpty() && openCount == 0;
    return verified ? LifecycleStage.VERIFIED : LifecycleStage.INSTALLED;
  }
}
