package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** The RocksDB memory cap: configured from the settings and applied to every store. */
class BoundedRocksDbMemoryTest {

  private static final long MIB = 1024 * 1024;

  @TempDir Path stateDir;

  @Test
  void streamsSettingsInstallTheCapWithTheDefaultBudgetOf256MiB() {
    Properties props = StreamsSettings.from(PlumblineConfig.of(minimal()));

    assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
        .isEqualTo(BoundedRocksDbMemory.class);
    assertThat(props.get(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)).isEqualTo(256 * MIB);
  }

  @Test
  void theBudgetIsASetting() {
    Map<String, String> settings = minimal();
    settings.put(PlumblineConfig.ROCKSDB_MEMORY_MIB, "64");

    assertThat(StreamsSettings.from(PlumblineConfig.of(settings)))
        .containsEntry(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 64 * MIB);
  }

  @Test
  void aBadBudgetStopsStartUpNamingTheSetting() {
    for (String bad : new String[] {"0", "-5", "lots", "1.5"}) {
      Map<String, String> settings = minimal();
      settings.put(PlumblineConfig.ROCKSDB_MEMORY_MIB, bad);
      assertThatThrownBy(() -> PlumblineConfig.of(settings))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(PlumblineConfig.ROCKSDB_MEMORY_MIB);
    }
  }

  @Test
  void everyStoreSharesOneCacheAndOneWriteBufferManager() {
    Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, 32 * MIB);
    BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
    try (Options first = new Options();
        Options second = new Options()) {
      first.setTableFormatConfig(new BlockBasedTableConfig());
      second.setTableFormatConfig(new BlockBasedTableConfig());

      setter.setConfig("store-a", first, configs);
      setter.setConfig("store-b", second, configs);

      BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedFor(32 * MIB);
      assertThat(first.writeBufferManager()).isSameAs(shared.writeBufferManager());
      assertThat(second.writeBufferManager()).isSameAs(shared.writeBufferManager());
      BlockBasedTableConfig table = (BlockBasedTableConfig) first.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
      assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
      assertThat(first.writeBufferSize()).isEqualTo(BoundedRocksDbMemory.WRITE_BUFFER_BYTES);
    }
  }

  @Test
  void aRunningTopologyChargesItsStoresToTheSharedCache() {
    Map<String, String> settings = minimal();
    settings.put(PlumblineConfig.ROCKSDB_MEMORY_MIB, "7"); // a budget no other test uses
    Properties props = StreamsSettings.from(PlumblineConfig.of(settings));
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    StreamsBuilder builder = new StreamsBuilder();
    builder.table(
        "in",
        Consumed.with(Serdes.String(), Serdes.String()).withName("in-source"),
        Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as("in-store")
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.String()));
    BoundedRocksDbMemory.SharedMemory shared = BoundedRocksDbMemory.sharedFor(7 * MIB);
    long before = shared.cache().getUsage();

    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
      var input =
          driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
      for (int i = 0; i < 1_000; i++) {
        input.pipeInput("key-" + i, "value-" + i);
      }
      // the memtable of the store is charged to the shared cache by the write buffer manager
      assertThat(shared.cache().getUsage()).isGreaterThan(before);
      assertThat(driver.getKeyValueStore("in-store").get("key-999")).isEqualTo("value-999");
    }
  }

  private static Map<String, String> minimal() {
    Map<String, String> settings = new HashMap<>();
    settings.put("bootstrap.servers", "127.0.0.1:9");
    settings.put("schema.registry.url", "http://127.0.0.1:8081");
    return settings;
  }
}
