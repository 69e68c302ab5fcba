package io.plumbline.topology.supply;

import io.plumbline.avro.internal.v1.SerialReceipts;
import org.apache.kafka.streams.kstream.KTable;

/**
 * What supply shares with the reconciled inventory.
 *
 * @param receivedSerials per normalised serial, the receipts that carry it (no entry when none
 *     does); keyed and partitioned by serial, for foreign-key joins from devices
 * @param coveredSiteSkus the {@code siteId:SKU} keys (see {@link SupplyKeys#siteSku(String,
 *     String)}) whose design demand the covering PO lines fully order; an entry appears and
 *     disappears only when coverage flips, so a device or a PO line changing inside a covered SKU
 *     does not touch every device of it
 */
public record SupplyTables(
    KTable<String, SerialReceipts> receivedSerials, KTable<String, String> coveredSiteSkus) {}
