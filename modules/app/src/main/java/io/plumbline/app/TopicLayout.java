package io.plumbline.app;

import io.plumbline.topology.PlumblineTopics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics Plumbline needs, with compaction for the tables (intent, inventory, state). */
public final class TopicLayout {

  private TopicLayout() {}

  /** New-topic requests for every Plumbline topic. */
  public static List<NewTopic> newTopics(
      PlumblineTopics topics, int partitions, short replication) {
    List<String> compacted = topics.compacted();
    return topics.all().stream()
        .map(
            name ->
                new NewTopic(name, partitions, replication)
                    .configs(
                        Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            compacted.contains(name)
                                ? TopicConfig.CLEANUP_POLICY_COMPACT
                                : TopicConfig.CLEANUP_POLICY_DELETE)))
        .toList();
  }
}
