package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.ReceiptSerials;
import io.plumbline.avro.internal.v1.SerialSighting;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.topology.identity.Identifiers;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns receipts (keyed by receipt id) into changes of serial sightings (keyed by normalised
 * serial): for every serial whose count in the receipt changed, how often the receipt now carries
 * it, 0 when a corrected or deleted receipt no longer does. Remembers each receipt's serials to
 * know what to withdraw.
 */
final class ReceiptSerialChanges implements Processor<String, Receipt, String, SerialSighting> {

  private final String storeName;
  private ProcessorContext<String, SerialSighting> context;
  private KeyValueStore<String, ReceiptSerials> store;

  ReceiptSerialChanges(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, SerialSighting> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Receipt> record) {
    String receiptId = record.key();
    if (receiptId == null) {
      return;
    }
    Receipt receipt = record.value();
    ReceiptSerials previous = store.get(receiptId);
    Map<String, Integer> before = counts(previous == null ? List.of() : previous.getSerials());
    List<String> now = receipt == null ? List.of() : normalised(receipt.getSerialNumbers());
    Map<String, Integer> after = counts(now);

    TreeSet<String> serials = new TreeSet<>(before.keySet());
    serials.addAll(after.keySet());
    for (String serial : serials) {
      int occurrences = after.getOrDefault(serial, 0);
      if (occurrences == before.getOrDefault(serial, 0)) {
        continue;
      }
      SerialSighting.Builder sighting =
          SerialSighting.newBuilder().setReceiptId(receiptId).setOccurrences(occurrences);
      if (receipt != null) {
        sighting
            .setPoNumber(receipt.getPoNumber())
            .setPoLine(receipt.getPoLine())
            .setSiteId(receipt.getSiteId())
            .setReceivedAt(receipt.getReceivedAt());
      }
      context.forward(record.withKey(serial).withValue(sighting.build()));
    }
    if (now.isEmpty()) {
      store.delete(receiptId);
    } else {
      store.put(receiptId, new ReceiptSerials(now));
    }
  }

  private static List<String> normalised(List<String> raw) {
    return raw.stream().map(Identifiers::serial).filter(s -> s != null).sorted().toList();
  }

  private static Map<String, Integer> counts(List<String> serials) {
    Map<String, Integer> counts = new TreeMap<>();
    serials.forEach(s -> counts.merge(s, 1, Integer::sum));
    return counts;
  }
}
