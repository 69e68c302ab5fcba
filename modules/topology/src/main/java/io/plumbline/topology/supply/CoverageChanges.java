package io.plumbline.topology.supply;

import io.plumbline.topology.supply.ProcurementCheck.SiteSkuSupply;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Turns every change of a site's SKU supply (demand and ordered) into a change of its coverage only
 * when coverage flips: {@link #COVERED} when covering lines order at least the demand (and there is
 * demand), null (a tombstone) when they stop doing so. Remembers the covered keys to know what
 * flipped.
 */
final class CoverageChanges implements Processor<String, SiteSkuSupply, String, String> {

  static final String COVERED = "covered";

  private final String storeName;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> covered;

  CoverageChanges(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.covered = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, SiteSkuSupply> record) {
    if (record.key() == null) {
      return;
    }
    SiteSkuSupply supply = record.value();
    boolean now = supply != null && supply.demand() > 0 && supply.ordered() >= supply.demand();
    boolean before = covered.get(record.key()) != null;
    if (now == before) {
      return;
    }
    if (now) {
      covered.put(record.key(), COVERED);
      context.forward(record.withValue(COVERED));
    } else {
      covered.delete(record.key());
      context.forward(record.withValue((String) null));
    }
  }
}
