package io.plumbline.bench.pipeline;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the broker has written in all, over every topic (internal ones included:
 * repartition topics, changelogs, consumer offsets, transaction state): the sum of every
 * partition's end offset. Transaction markers take an offset each, so they count too. Two readings
 * around a phase give its writes per input record, the pipeline's write amplification.
 */
public final class BrokerWrites {

  private final Admin admin;

  public BrokerWrites(Admin admin) {
    this.admin = admin;
  }

  public long total() throws InterruptedException, ExecutionException {
    var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    topics.forEach(
        (name, description) ->
            description
                .partitions()
                .forEach(
                    p ->
                        request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    long sum = 0;
    for (var info : admin.listOffsets(request).all().get().values()) {
      sum += info.offset();
    }
    return sum;
  }
}
