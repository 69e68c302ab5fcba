package io.plumbline.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Compares the topics on a cluster with a {@link TopicSpec}: which are missing, and which differ in
 * partitions, replication factor or a declared topic config. Reads only.
 */
final class TopicAudit {

  private final Admin admin;

  TopicAudit(Admin admin) {
    this.admin = admin;
  }

  /** Every difference, topics in the spec's role order. */
  List<TopicDifference> differences(TopicSpec spec, PlumblineConfig config)
      throws ExecutionException, InterruptedException {
    Map<String, String> roleByTopic = new LinkedHashMap<>();
    spec.byRole().keySet().stream().sorted().forEach(r -> roleByTopic.put(config.topicName(r), r));
    Map<String, TopicDescription> present = describe(roleByTopic.keySet());
    Map<String, Config> configs = configs(present.keySet());
    List<TopicDifference> out = new ArrayList<>();
    roleByTopic.forEach(
        (topic, role) -> {
          TopicSpec.TopicSettings want = spec.byRole().get(role);
          TopicDescription have = present.get(topic);
          if (have == null) {
            out.add(
                new TopicDifference(
                    topic,
                    role,
                    "missing",
                    want.partitions()
                        + " partitions, replication factor "
                        + want.replicationFactor()
                        + ", cleanup.policy="
                        + want.cleanupPolicy(),
                    null,
                    true));
            return;
          }
          int partitions = have.partitions().size();
          if (partitions != want.partitions()) {
            out.add(
                new TopicDifference(
                    topic,
                    role,
                    "partitions",
                    Integer.toString(want.partitions()),
                    Integer.toString(partitions),
                    false));
          }
          int replication = have.partitions().get(0).replicas().size();
          if (replication != want.replicationFactor()) {
            out.add(
                new TopicDifference(
                    topic,
                    role,
                    "replication.factor",
                    Short.toString(want.replicationFactor()),
                    Integer.toString(replication),
                    false));
          }
          Config actual = configs.get(topic);
          want.configs()
              .forEach(
                  (name, value) -> {
                    ConfigEntry entry = actual == null ? null : actual.get(name);
                    String current = entry == null ? null : entry.value();
                    if (!sameValue(name, value, current)) {
                      out.add(new TopicDifference(topic, role, name, value, current, true));
                    }
                  });
        });
    return out;
  }

  private static boolean sameValue(String name, String want, String have) {
    if (have == null) {
      return false;
    }
    if (name.equals(TopicConfig.CLEANUP_POLICY_CONFIG)) {
      return TopicSpec.normalisePolicy(want).equals(TopicSpec.normalisePolicy(have));
    }
    return want.trim().equals(have.trim());
  }

  private Map<String, TopicDescription> describe(java.util.Collection<String> topics)
      throws ExecutionException, InterruptedException {
    Map<String, TopicDescription> out = new HashMap<>();
    Map<String, KafkaFuture<TopicDescription>> futures =
        admin.describeTopics(topics).topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> e : futures.entrySet()) {
      try {
        out.put(e.getKey(), e.getValue().get());
      } catch (ExecutionException failure) {
        if (!(failure.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw failure;
        }
      }
    }
    return out;
  }

  private Map<String, Config> configs(java.util.Collection<String> topics)
      throws ExecutionException, InterruptedException {
    if (topics.isEmpty()) {
      return Map.of();
    }
    List<ConfigResource> resources =
        topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    Map<String, Config> out = new HashMap<>();
    admin.describeConfigs(resources).all().get().forEach((r, c) -> out.put(r.name(), c));
    return out;
  }
}
