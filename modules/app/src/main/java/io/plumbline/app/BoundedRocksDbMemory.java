package io.plumbline.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Caps the off-heap memory of every RocksDB state store in the process at one budget: all stores
 * share one block cache of that size, and their memtables are charged to the same cache through one
 * {@link WriteBufferManager} (at most a quarter of the budget), so the total does not grow with the
 * number of stores, partitions or tasks. Index and filter blocks live in the cache too (high
 * priority, top level pinned) instead of outside any limit.
 *
 * <p>Kafka Streams creates this class by name and passes the streams configuration to {@link
 * #setConfig}; the budget is read from {@link #MEMORY_BYTES_CONFIG} there. The cache and write
 * buffer manager are shared by every store of the process with that budget and are never closed by
 * a store (closing them would break the others); they live as long as the JVM.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** The streams configuration key carrying the budget in bytes. */
  public static final String MEMORY_BYTES_CONFIG = "plumbline.rocksdb.memory.bytes";

  /** Share of the budget that memtables may take; the rest is for reads. */
  static final double MEMTABLE_SHARE = 0.25;

  /**
   * Memtable size of each store. Small, because a topology has a hundred or more stores and every
   * open memtable charges at least one arena block (an eighth of this) to the shared budget: with
   * RocksDB's 64 MiB default the empty memtables alone would exceed the budget and every write
   * would force a flush.
   */
  static final long WRITE_BUFFER_BYTES = 2L * 1024 * 1024;

  /** Share of the cache reserved for index and filter blocks. */
  private static final double HIGH_PRIORITY_SHARE = 0.1;

  private static final Map<Long, SharedMemory> SHARED = new ConcurrentHashMap<>();

  static {
    // The cache may be created before any store has loaded the native library.
    RocksDB.loadLibrary();
  }

  /** The cache and write buffer manager every store with the same budget uses. */
  record SharedMemory(Cache cache, WriteBufferManager writeBufferManager) {}

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    SharedMemory shared = sharedFor(budgetOf(configs));
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(shared.cache());
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);
    options.setWriteBufferManager(shared.writeBufferManager());
    options.setWriteBufferSize(WRITE_BUFFER_BYTES);
    options.setMaxWriteBufferNumber(2);
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and write buffer manager are shared by every store: never closed per store.
  }

  /** The shared memory for a budget, created on first use. */
  static SharedMemory sharedFor(long budgetBytes) {
    return SHARED.computeIfAbsent(
        budgetBytes,
        budget -> {
          Cache cache = new LRUCache(budget, -1, false, HIGH_PRIORITY_SHARE);
          return new SharedMemory(
              cache, new WriteBufferManager((long) (budget * MEMTABLE_SHARE), cache));
        });
  }

  static long budgetOf(Map<String, Object> configs) {
    Object value = configs.get(MEMORY_BYTES_CONFIG);
    if (value == null) {
      throw new IllegalStateException(MEMORY_BYTES_CONFIG + " is not set");
    }
    return Long.parseLong(value.toString());
  }
}
