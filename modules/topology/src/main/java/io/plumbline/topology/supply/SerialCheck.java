package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.SerialReceipts;
import io.plumbline.avro.internal.v1.SerialSighting;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DUPLICATE_SERIAL: one normalised serial number received more than once, in two receipts or twice
 * in one. A serial's receipts are all known when it is evaluated, so it is always decided.
 */
final class SerialCheck {

  static final Severity SEVERITY = Severity.CRITICAL;

  private SerialCheck() {}

  /** Adds or withdraws one receipt's sighting; null when no receipt carries the serial any more. */
  static SerialReceipts withSighting(SerialSighting sighting, SerialReceipts receipts) {
    SerialReceipts updated =
        receipts == null
            ? new SerialReceipts(new HashMap<>())
            : SerialReceipts.newBuilder(receipts).build();
    if (sighting.getOccurrences() > 0) {
      updated.getSightings().put(sighting.getReceiptId(), sighting);
    } else {
      updated.getSightings().remove(sighting.getReceiptId());
    }
    return updated.getSightings().isEmpty() ? null : updated;
  }

  static Evaluation evaluate(String serial, SerialReceipts receipts) {
    List<SerialSighting> sightings = new ArrayList<>(receipts.getSightings().values());
    sightings.sort(Comparator.comparing(SerialSighting::getReceiptId));
    int times = sightings.stream().mapToInt(SerialSighting::getOccurrences).sum();
    if (times <= 1) {
      return new Evaluation(Set.of(DiscrepancyType.DUPLICATE_SERIAL), List.of());
    }
    String siteId =
        sightings.stream()
            .map(SerialSighting::getSiteId)
            .filter(s -> s != null)
            .findFirst()
            .orElse(null);
    Finding finding =
        new Finding(
            DiscrepancyType.DUPLICATE_SERIAL,
            DiscrepancyDomain.SUPPLY,
            SEVERITY,
            Subjects.serial(serial, siteId),
            "received once",
            "received " + times + " times: " + receiptsOf(sightings),
            sightings.stream().map(SerialCheck::describe).collect(Collectors.joining("; ")));
    return new Evaluation(Set.of(DiscrepancyType.DUPLICATE_SERIAL), List.of(finding));
  }

  private static String receiptsOf(List<SerialSighting> sightings) {
    return sightings.stream()
        .map(
            s ->
                s.getOccurrences() > 1
                    ? s.getReceiptId() + " x" + s.getOccurrences()
                    : s.getReceiptId())
        .collect(Collectors.joining(", "));
  }

  private static String describe(SerialSighting s) {
    return "receipt "
        + s.getReceiptId()
        + (s.getPoNumber() == null ? "" : " on PO " + s.getPoNumber() + "/" + s.getPoLine())
        + (s.getReceivedAt() == null ? "" : " at " + s.getReceivedAt());
  }
}
