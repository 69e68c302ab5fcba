package io.plumbline.topology.cabling;

import io.plumbline.avro.internal.v1.EvaluatedPorts;
import io.plumbline.topology.lifecycle.Evaluation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns each re-evaluation of a device's cabling into one {@link Evaluation} per port, keyed by
 * {@link #subjectKey}. It remembers which ports it evaluated, so a port that drops out of both the
 * design and the observation is still evaluated (its planned-link findings resolve) and a device
 * that leaves the design resolves every port (a null evaluation per port).
 *
 * <p>The per-port keys derive from the device id, so a device's ports stay in its task: no
 * repartition is needed before the lifecycle.
 */
final class PortEvaluator implements Processor<String, DeviceCabling, String, Evaluation> {

  private final String storeName;
  private final CablingCheck check;
  private ProcessorContext<String, Evaluation> context;
  private KeyValueStore<String, EvaluatedPorts> evaluatedPorts;

  PortEvaluator(String storeName, CablingPolicy policy) {
    this.storeName = storeName;
    this.check = new CablingCheck(policy);
  }

  @Override
  public void init(ProcessorContext<String, Evaluation> context) {
    this.context = context;
    this.evaluatedPorts = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, DeviceCabling> record) {
    String deviceId = record.key();
    if (deviceId == null) {
      return;
    }
    SortedSet<String> before = portsEvaluatedBefore(deviceId);
    DeviceCabling cabling = record.value();
    if (cabling == null) {
      for (String port : before) {
        context.forward(record.withKey(subjectKey(deviceId, port)).withValue(null));
      }
      if (!before.isEmpty()) {
        evaluatedPorts.delete(deviceId);
      }
      return;
    }
    // A device never observed cannot have a cabling finding yet: skip switches and unseen servers.
    if (cabling.context().getObserved() == null && before.isEmpty()) {
      return;
    }
    SortedMap<String, Evaluation> evaluations =
        check.evaluate(cabling.context(), cabling.planned());
    for (String port : before) {
      evaluations.putIfAbsent(port, check.forgottenPort());
    }
    for (Map.Entry<String, Evaluation> port : evaluations.entrySet()) {
      context.forward(
          record.withKey(subjectKey(deviceId, port.getKey())).withValue(port.getValue()));
    }
    if (!before.equals(evaluations.keySet())) {
      evaluatedPorts.put(deviceId, new EvaluatedPorts(List.copyOf(evaluations.keySet())));
    }
  }

  /**
   * The lifecycle key of one port: {@code <deviceId>:<port>}, URL-encoded so that it has no "/".
   * The open-discrepancy store prefixes its entries with {@code key + "/"}, so a port named {@code
   * eth1/5} would otherwise fall under the prefix of a port named {@code eth1}.
   */
  static String subjectKey(String deviceId, String port) {
    return URLEncoder.encode(deviceId, StandardCharsets.UTF_8)
        + ":"
        + URLEncoder.encode(port, StandardCharsets.UTF_8);
  }

  private SortedSet<String> portsEvaluatedBefore(String deviceId) {
    EvaluatedPorts ports = evaluatedPorts.get(deviceId);
    return ports == null ? new TreeSet<>() : new TreeSet<>(ports.getPorts());
  }
}
