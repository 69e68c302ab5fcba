package io.plumbline.app;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties for the reconciler, derived from {@link PlumblineConfig}. */
final class StreamsSettings {

  /**
   * How long a Streams consumer's fetch may wait at the broker for data; Kafka's default is 500 ms.
   * Every repartition, foreign-key subscription and changelog hop under exactly-once is read
   * committed, so a record crosses a hop only once the writing transaction committed and the next
   * fetch returned it; with the default the profile showed the stream thread idle about 80 % of the
   * telemetry phase, waiting on such fetches. 10 ms doubled telemetry throughput, halved detection
   * latency and sped up state restoration (docs/benchmarks.md), for a few more idle fetch requests
   * per second. {@code kafka.fetch.max.wait.ms} or {@code streams.consumer.fetch.max.wait.ms}
   * override it.
   */
  static final int FETCH_MAX_WAIT_MS = 10;

  private StreamsSettings() {}

  static Properties from(PlumblineConfig config) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.get(PlumblineConfig.STATE_DIR));
    props.put(
        StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
        config.get(PlumblineConfig.PROCESSING_GUARANTEE));
    // Unreadable records are written to the dead-letter topic with the reason in headers and
    // counted in the dropped-records metric; the pipeline keeps running.
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterPolicy.class.getName());
    props.put(
        StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetters());
    // Records that were read but make no sense (validation) go there too, in the same
    // transaction as their input offset; any other processing exception stops the thread.
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        InvalidInputPolicy.class.getName());
    // A record of ours that cannot be written is retried or fails the task; never dead-lettered.
    props.put(
        StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
        OutputFailurePolicy.class.getName());
    // Every store, repartition and changelog must carry a name we chose: renaming one loses state.
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    if (!config.kafkaClientSettings().containsKey(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
      props.put(
          StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS);
    }
    props.putAll(config.kafkaClientSettings());
    // RocksDB off-heap memory is capped for the whole process (shared cache and memtables).
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    props.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, config.rocksDbMemoryBytes());
    props.putAll(config.streamsOverrides());
    return props;
  }
}
