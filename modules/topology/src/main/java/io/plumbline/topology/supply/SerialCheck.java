package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.SerialInstallation;
import io.plumbline.avro.internal.v1.SerialInstallations;
import io.plumbline.avro.internal.v1.SerialReceipts;
import io.plumbline.avro.internal.v1.SerialSighting;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * DUPLICATE_SERIAL: one normalised serial number received more than once (in two receipts or twice
 * in one), or reported by the BMCs of two systems (installed in two places); one finding per serial
 * naming every receipt and every place. A serial's receipts and places are all known when it is
 * evaluated, so it is always decided.
 */
final class SerialCheck {

  static final Severity SEVERITY = Severity.CRITICAL;

  private SerialCheck() {}

  /** A serial's receipts and the systems reporting it; either may be null. */
  record SerialUse(SerialReceipts receipts, SerialInstallations places) {}

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

  static Evaluation evaluate(String serial, SerialUse use) {
    List<SerialSighting> sightings =
        new ArrayList<>(
            use.receipts() == null ? List.of() : use.receipts().getSightings().values());
    sightings.sort(Comparator.comparing(SerialSighting::getReceiptId));
    List<SerialInstallation> places =
        new ArrayList<>(use.places() == null ? List.of() : use.places().getPlaces().values());
    places.sort(Comparator.comparing(SerialInstallation::getBmcId));
    int times = sightings.stream().mapToInt(SerialSighting::getOccurrences).sum();
    boolean receivedTwice = times > 1;
    boolean installedTwice = places.size() > 1;
    if (!receivedTwice && !installedTwice) {
      return new Evaluation(Set.of(DiscrepancyType.DUPLICATE_SERIAL), List.of());
    }
    String siteId =
        sightings.stream()
            .map(SerialSighting::getSiteId)
            .filter(s -> s != null)
            .findFirst()
            .orElse(null);
    List<String> expected = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    List<String> detail = new ArrayList<>();
    if (receivedTwice) {
      expected.add("received once");
      observed.add("received " + times + " times: " + receiptsOf(sightings));
      sightings.stream().map(SerialCheck::describe).forEach(detail::add);
    }
    if (installedTwice) {
      expected.add("installed in one place");
      observed.add(
          "installed in "
              + places.size()
              + " places: "
              + places.stream().map(SerialCheck::describe).collect(Collectors.joining(", ")));
    }
    Finding finding =
        new Finding(
            DiscrepancyType.DUPLICATE_SERIAL,
            DiscrepancyDomain.SUPPLY,
            SEVERITY,
            Subjects.serial(serial, siteId),
            String.join(", ", expected),
            String.join("; ", observed),
            detail.isEmpty() ? null : String.join("; ", detail));
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

  /** A place: the BMC, its host name, and where it says it is. */
  private static String describe(SerialInstallation place) {
    StringBuilder out = new StringBuilder("bmc ").append(place.getBmcId());
    if (place.getHostName() != null) {
      out.append(" (").append(place.getHostName()).append(')');
    }
    if (place.getRack() != null) {
      out.append(" in rack ").append(place.getRack().strip());
      if (place.getPosition() != null) {
        out.append(" U").append(Identifiers.position(place.getPosition()));
      }
    }
    return out.toString();
  }
}
