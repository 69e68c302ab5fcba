package io.plumbline.topology.query;

import io.plumbline.avro.internal.v1.DiscrepancyView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps each discrepancy's {@link DiscrepancyView} in a store for queries; forwards nothing. */
final class DiscrepancyViewProcessor implements Processor<String, ViewUpdate, Void, Void> {

  private final String storeName;
  private KeyValueStore<String, DiscrepancyView> store;

  DiscrepancyViewProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, ViewUpdate> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    DiscrepancyView before = store.get(record.key());
    DiscrepancyView after = DiscrepancyViews.apply(record.key(), before, record.value());
    if (after != before) {
      store.put(record.key(), after);
    }
  }
}
