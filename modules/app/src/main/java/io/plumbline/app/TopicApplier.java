package io.plumbline.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes the cluster match a {@link TopicSpec} where that is safe: creates missing topics and sets
 * differing topic configs. Partition counts and replication factors of existing topics are left
 * alone (adding partitions moves keys; moving replicas is a reassignment), so they stay reported.
 */
final class TopicApplier {

  private final Admin admin;

  TopicApplier(Admin admin) {
    this.admin = admin;
  }

  /** Applies the fixable differences and returns a line per change made. */
  List<String> apply(TopicSpec spec, Collection<TopicDifference> differences)
      throws ExecutionException, InterruptedException {
    List<String> changes = new ArrayList<>();
    List<NewTopic> creations = new ArrayList<>();
    Map<ConfigResource, Collection<AlterConfigOp>> alterations = new LinkedHashMap<>();
    for (TopicDifference d : differences) {
      if (!d.fixableByApply()) {
        continue;
      }
      if (d.what().equals("missing")) {
        TopicSpec.TopicSettings want = spec.byRole().get(d.role());
        creations.add(
            new NewTopic(d.topic(), want.partitions(), want.replicationFactor())
                .configs(want.configs()));
        changes.add("created " + d.topic() + ": " + d.expected());
      } else {
        alterations
            .computeIfAbsent(
                new ConfigResource(ConfigResource.Type.TOPIC, d.topic()), r -> new ArrayList<>())
            .add(
                new AlterConfigOp(
                    new ConfigEntry(d.what(), d.expected()), AlterConfigOp.OpType.SET));
        changes.add(
            "set " + d.topic() + " " + d.what() + "=" + d.expected() + " (was " + d.actual() + ")");
      }
    }
    if (!creations.isEmpty()) {
      for (var result : admin.createTopics(creations).values().values()) {
        try {
          result.get();
        } catch (ExecutionException e) {
          // Another instance of the command created it meanwhile: the re-check will compare it.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
    if (!alterations.isEmpty()) {
      admin.incrementalAlterConfigs(alterations).all().get();
    }
    return changes;
  }
}
