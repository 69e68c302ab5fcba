package io.plumbline.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Ready means Kafka Streams is RUNNING and no state store is being restored: only then do queries
 * see the whole state. Register it as the global state-restore listener before the streams start.
 */
public final class Readiness implements StateRestoreListener {

  private final Set<String> restoring = ConcurrentHashMap.newKeySet();

  /** Whether the instance can answer queries from complete state. */
  public boolean ready(KafkaStreams.State state) {
    return state == KafkaStreams.State.RUNNING && restoring.isEmpty();
  }

  /** How many store partitions are being restored right now. */
  public int restoringPartitions() {
    return restoring.size();
  }

  @Override
  public void onRestoreStart(
      TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
    restoring.add(storeName + "@" + partition);
  }

  @Override
  public void onBatchRestored(
      TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {}

  @Override
  public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
    restoring.remove(storeName + "@" + partition);
  }

  @Override
  public void onRestoreSuspended(TopicPartition partition, String storeName, long totalRestored) {
    restoring.remove(storeName + "@" + partition);
  }
}
