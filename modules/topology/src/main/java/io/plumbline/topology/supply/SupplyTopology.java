package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.PoLineContext;
import io.plumbline.avro.internal.v1.PoLineReceipts;
import io.plumbline.avro.internal.v1.ReceiptSerials;
import io.plumbline.avro.internal.v1.SerialInstallation;
import io.plumbline.avro.internal.v1.SerialInstallations;
import io.plumbline.avro.internal.v1.SerialReceipts;
import io.plumbline.avro.internal.v1.SerialSighting;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.topology.AvroSerdes;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.identity.ObservedIdentity;
import io.plumbline.topology.lifecycle.DiscrepancyPublisher;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.supply.ProcurementCheck.SiteSkuSupply;
import io.plumbline.topology.supply.SerialCheck.SerialUse;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TableJoined;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Supply: purchase-order lines and dock receipts against each other and against the design.
 *
 * <ul>
 *   <li>Per site and SKU ({@code siteId:SKU}): design demand (intended devices whose type has the
 *       part number, via a foreign-key join of devices to types) and the quantity on covering PO
 *       lines are each aggregated after a named repartition, then joined table to table, so a
 *       device, a device type or a PO line changing re-evaluates UNDER_PROCURED.
 *   <li>Per PO line ({@code poNumber/line}): receipts are grouped by the line they are booked on
 *       and outer-joined with the line, so a receipt arriving before its line (late ERP export) and
 *       the line arriving later are both evaluated. {@link PoLineDeadlines} re-evaluates lines when
 *       stream time passes their expected date.
 *   <li>Per normalised serial: receipts' serials are repartitioned by serial and aggregated, so are
 *       the observed systems reporting each serial; the two tables are outer-joined for
 *       DUPLICATE_SERIAL (received twice, or installed in two places).
 * </ul>
 *
 * Every evaluation goes through the shared {@link DiscrepancyPublisher}. The received serials and
 * the covered site SKUs are returned as {@link SupplyTables} for the reconciled inventory.
 */
public final class SupplyTopology {

  public static final String PO_LINES_STORE = "supply-po-lines-store";
  public static final String RECEIPTS_STORE = "supply-receipts-store";
  public static final String PO_LINE_RECEIPTS_STORE = "supply-po-line-receipts-store";
  public static final String PO_LINE_CONTEXT_STORE = "supply-po-line-context-store";
  public static final String PO_LINE_DEADLINES_STORE = "supply-po-line-deadlines-store";
  public static final String RECEIPT_SERIALS_STORE = "supply-receipt-serials-store";
  public static final String SERIAL_RECEIPTS_STORE = "supply-serial-receipts-store";
  public static final String DEVICE_SKU_STORE = "supply-device-sku-store";
  public static final String DEMAND_STORE = "supply-demand-store";
  public static final String SERIAL_INSTALLATIONS_STORE = "supply-serial-installations-store";
  public static final String COVERAGE_STATE_STORE = "supply-site-sku-coverage-state-store";
  public static final String COVERED_SITE_SKUS_STORE = "supply-covered-site-skus-store";
  public static final String ORDERED_STORE = "supply-ordered-store";

  private final TopologyConfig config;
  private final PlumblineTopics topics;
  private final AvroSerdes serdes;
  private final SupplyPolicy policy;
  private final Serde<String> keys = Serdes.String();

  public SupplyTopology(TopologyConfig config) {
    this(config, SupplyPolicy.defaults());
  }

  public SupplyTopology(TopologyConfig config, SupplyPolicy policy) {
    this.config = config;
    this.topics = config.topics();
    this.serdes = config.serdes();
    this.policy = policy;
  }

  /** Adds the supply sub-topology to the builder, on sources of its own. */
  public SupplyTables addTo(StreamsBuilder builder) {
    return addTo(builder, new SharedSources(builder, config));
  }

  /**
   * Adds the supply sub-topology to the builder, reading the shared sources, and returns the tables
   * the reconciled inventory joins.
   */
  public SupplyTables addTo(StreamsBuilder builder, SharedSources sources) {
    KTable<String, IntentDevice> devices = sources.devices();
    KTable<String, IntentDeviceType> deviceTypes = sources.deviceTypes();
    KTable<String, PurchaseOrderLine> poLines = sources.purchaseOrders();
    KStream<String, Receipt> receipts = sources.receipts();

    KTable<String, String> covered = underProcurement(builder, devices, deviceTypes, poLines);
    poLineReconciliation(builder, poLines, receipts);
    KTable<String, SerialReceipts> received =
        duplicateSerials(builder, receipts, sources.observedSystems());
    return new SupplyTables(received, covered);
  }

  private KTable<String, String> underProcurement(
      StreamsBuilder builder,
      KTable<String, IntentDevice> devices,
      KTable<String, IntentDeviceType> deviceTypes,
      KTable<String, PurchaseOrderLine> poLines) {
    // Null when the type has no part number: such a device needs nothing procurable by SKU.
    KTable<String, String> deviceSkus =
        devices.join(
            deviceTypes,
            IntentDevice::getDeviceTypeId,
            SupplyKeys::siteSku,
            TableJoined.as("supply-device-sku"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(DEVICE_SKU_STORE)
                .withKeySerde(keys)
                .withValueSerde(keys));
    KTable<String, Long> demand =
        deviceSkus
            .groupBy(
                (deviceId, siteSku) -> KeyValue.pair(siteSku, deviceId),
                Grouped.with("supply-demand-by-site-sku", keys, keys))
            .count(
                Named.as("supply-demand-count"),
                Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(DEMAND_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(Serdes.Long()));
    KTable<String, Long> ordered =
        poLines
            .filter(this::coversDemand, Named.as("supply-covering-po-lines"))
            .groupBy(
                (poLine, line) ->
                    KeyValue.pair(SupplyKeys.siteSku(line), (long) line.getQuantity()),
                Grouped.with("supply-ordered-by-site-sku", keys, Serdes.Long()))
            .reduce(
                Long::sum,
                (total, withdrawn) -> total - withdrawn,
                Named.as("supply-ordered-sum"),
                Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(ORDERED_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(Serdes.Long()));
    KStream<String, SiteSkuSupply> supplies =
        demand
            .outerJoin(
                ordered,
                (needed, onOrder) ->
                    new SiteSkuSupply(needed == null ? 0 : needed, onOrder == null ? 0 : onOrder),
                Named.as("supply-demand-vs-ordered"))
            .toStream(Named.as("supply-site-sku-supply"));
    KStream<String, Evaluation> evaluations =
        supplies.mapValues(
            (siteSku, supply) -> supply == null ? null : ProcurementCheck.evaluate(siteSku, supply),
            Named.as("supply-site-sku-evaluations"));
    DiscrepancyPublisher.publish(builder, config, "supply-site-sku", evaluations);

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(COVERAGE_STATE_STORE), keys, keys));
    return supplies
        .process(
            () -> new CoverageChanges(COVERAGE_STATE_STORE),
            Named.as("supply-site-sku-coverage-changes"),
            COVERAGE_STATE_STORE)
        .toTable(
            Named.as("supply-covered-site-skus"),
            Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(COVERED_SITE_SKUS_STORE)
                .withKeySerde(keys)
                .withValueSerde(keys));
  }

  private boolean coversDemand(String poLine, PurchaseOrderLine line) {
    return policy.coveringStatuses().contains(PoLineStatus.of(line.getStatus()))
        && line.getQuantity() > 0
        && SupplyKeys.siteSku(line) != null;
  }

  private void poLineReconciliation(
      StreamsBuilder builder,
      KTable<String, PurchaseOrderLine> poLines,
      KStream<String, Receipt> receipts) {
    Serde<Receipt> receiptSerde = serdes.value(Receipt.class);
    KTable<String, PoLineReceipts> receiptsByLine =
        receipts
            .toTable(
                Named.as("supply-receipts-table"),
                Materialized.<String, Receipt, KeyValueStore<Bytes, byte[]>>as(RECEIPTS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(receiptSerde))
            .groupBy(
                (receiptId, receipt) -> KeyValue.pair(SupplyKeys.poLine(receipt), receipt),
                Grouped.with("supply-receipts-by-po-line", keys, receiptSerde))
            .aggregate(
                () -> null,
                (poLine, receipt, booked) -> withReceipt(booked, receipt),
                (poLine, receipt, booked) -> withoutReceipt(booked, receipt),
                Named.as("supply-po-line-receipts"),
                Materialized.<String, PoLineReceipts, KeyValueStore<Bytes, byte[]>>as(
                        PO_LINE_RECEIPTS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(serdes.value(PoLineReceipts.class)));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PO_LINE_CONTEXT_STORE),
            keys,
            serdes.value(PoLineContext.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PO_LINE_DEADLINES_STORE), keys, keys));
    KStream<String, Evaluation> evaluations =
        poLines
            .outerJoin(
                receiptsByLine,
                (line, booked) ->
                    new PoLineContext(
                        line, booked == null ? new HashMap<>() : booked.getReceipts()),
                Named.as("supply-po-line-with-receipts"))
            .toStream(Named.as("supply-po-line-contexts"))
            .process(
                () -> new PoLineDeadlines(PO_LINE_CONTEXT_STORE, PO_LINE_DEADLINES_STORE, policy),
                Named.as("supply-po-line-deadlines"),
                PO_LINE_CONTEXT_STORE,
                PO_LINE_DEADLINES_STORE);
    DiscrepancyPublisher.publish(builder, config, "supply-po-line", evaluations);
  }

  private static PoLineReceipts withReceipt(PoLineReceipts booked, Receipt receipt) {
    Map<String, Receipt> receipts =
        booked == null ? new HashMap<>() : new HashMap<>(booked.getReceipts());
    receipts.put(receipt.getReceiptId(), receipt);
    return new PoLineReceipts(receipts);
  }

  /** Null once the line has no receipts left, so the store keeps no empty entries. */
  private static PoLineReceipts withoutReceipt(PoLineReceipts booked, Receipt receipt) {
    Map<String, Receipt> receipts = new HashMap<>(booked.getReceipts());
    receipts.remove(receipt.getReceiptId());
    return receipts.isEmpty() ? null : new PoLineReceipts(receipts);
  }

  private KTable<String, SerialReceipts> duplicateSerials(
      StreamsBuilder builder,
      KStream<String, Receipt> receipts,
      KTable<String, ObservedSystem> observed) {
    Serde<SerialSighting> sightingSerde = serdes.value(SerialSighting.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RECEIPT_SERIALS_STORE),
            keys,
            serdes.value(ReceiptSerials.class)));
    KTable<String, SerialReceipts> received =
        receipts
            .process(
                () -> new ReceiptSerialChanges(RECEIPT_SERIALS_STORE),
                Named.as("supply-receipt-serial-changes"),
                RECEIPT_SERIALS_STORE)
            .repartition(
                Repartitioned.with(keys, sightingSerde).withName("supply-sightings-by-serial"))
            .groupByKey(Grouped.with("supply-serial-sightings", keys, sightingSerde))
            .aggregate(
                () -> null,
                (serial, sighting, receiptsOfSerial) ->
                    SerialCheck.withSighting(sighting, receiptsOfSerial),
                Named.as("supply-serial-receipts"),
                Materialized.<String, SerialReceipts, KeyValueStore<Bytes, byte[]>>as(
                        SERIAL_RECEIPTS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(serdes.value(SerialReceipts.class)));

    Serde<SerialInstallation> placeSerde = serdes.value(SerialInstallation.class);
    KTable<String, SerialInstallations> installed =
        observed
            .filter(
                (bmcId, system) -> ObservedIdentity.serial(system) != null,
                Named.as("supply-observed-with-serial"))
            .groupBy(
                (bmcId, system) ->
                    KeyValue.pair(
                        ObservedIdentity.serial(system), SerialPlaces.placeOf(bmcId, system)),
                Grouped.with("supply-installations-by-serial", keys, placeSerde))
            .aggregate(
                () -> null,
                (serial, place, places) -> SerialPlaces.with(places, place),
                (serial, place, places) -> SerialPlaces.without(places, place),
                Named.as("supply-serial-installations"),
                Materialized.<String, SerialInstallations, KeyValueStore<Bytes, byte[]>>as(
                        SERIAL_INSTALLATIONS_STORE)
                    .withKeySerde(keys)
                    .withValueSerde(serdes.value(SerialInstallations.class)));

    KStream<String, Evaluation> evaluations =
        received
            .outerJoin(installed, SerialUse::new, Named.as("supply-serial-receipts-and-places"))
            .toStream(Named.as("supply-serial-uses"))
            .mapValues(
                (serial, use) -> use == null ? null : SerialCheck.evaluate(serial, use),
                Named.as("supply-serial-evaluations"));
    DiscrepancyPublisher.publish(builder, config, "supply-serial", evaluations);
    return received;
  }
}
