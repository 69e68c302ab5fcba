package io.plumbline.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plumbline.avro.internal.v1.DiscrepancyView;
import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.serde.AvroJson;
import java.time.Instant;

/**
 * A discrepancy as the API serves it: the fields of its latest transition (the public {@code
 * Discrepancy} record), then {@code acknowledged} (an acknowledgement exists and has not lapsed),
 * {@code acknowledgement} (or null) and, for one discrepancy, {@code history}: its latest
 * transitions, oldest first.
 */
final class DiscrepancyJson {

  private DiscrepancyJson() {}

  /** The view as JSON, or null when only an acknowledgement is known so far. */
  static ObjectNode of(DiscrepancyView view, Instant now, boolean withHistory) {
    Discrepancy current = view.getCurrent();
    if (current == null) {
      return null;
    }
    ObjectNode node = AvroJson.toJson(current);
    Acknowledgement ack = view.getAcknowledgement();
    node.put("acknowledged", isActive(ack, now));
    node.set("acknowledgement", AvroJson.of(ack));
    if (withHistory) {
      ArrayNode history = node.putArray("history");
      view.getHistory().forEach(transition -> history.add(AvroJson.of(transition)));
    }
    return node;
  }

  /** An acknowledgement counts until its {@code until} time, or for good without one. */
  static boolean isActive(Acknowledgement ack, Instant now) {
    return ack != null && (ack.getUntil() == null || ack.getUntil().isAfter(now));
  }
}
