package io.plumbline.app;

import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.RegistryAuthenticationException;
import io.plumbline.serde.SchemaRegistryClients;
import io.plumbline.serde.SchemaRegistryException;
import io.plumbline.topology.PlumblineTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code plumbline run} verifies before it starts the reconciler: Kafka answers and accepts
 * its credentials, every topic it reads or writes exists, the topics it reads as tables are
 * compacted, and the schema registry answers. Each failure is one message saying what is wrong and
 * how to fix it; the exception behind it is logged at DEBUG.
 */
final class StartupChecks {

  private static final Logger LOG = LoggerFactory.getLogger(StartupChecks.class);

  /** How long an admin call may take before the cluster counts as unreachable. */
  private static final int ADMIN_TIMEOUT_MS = 30_000;

  private StartupChecks() {}

  /** The reason Plumbline cannot start, or empty when it can. */
  static Optional<String> problem(PlumblineConfig config) throws InterruptedException {
    Optional<String> kafka = kafkaProblem(config);
    if (kafka.isPresent()) {
      return kafka;
    }
    return registryProblem(config);
  }

  /**
   * Warnings that do not stop the reconciler: input subjects without Plumbline's compatibility
   * level (a deployment that has not run {@code plumbline topics apply} since it was added). A
   * registry that cannot be asked gives no warning; {@link #problem} has already judged it.
   */
  static List<String> warnings(PlumblineConfig config) {
    List<String> open;
    try {
      open = InputSubjectCompatibility.unprotected(config);
    } catch (SchemaRegistryException e) {
      LOG.debug("compatibility check failed", e);
      return List.of();
    }
    if (open.isEmpty()) {
      return List.of();
    }
    return List.of(
        open.size()
            + " input subject(s) of the schema registry lack compatibility "
            + InputSubjectCompatibility.LEVEL
            + " (first: "
            + open.get(0)
            + "), so a producer could register a version this reconciler cannot read. Set it with:"
            + " plumbline topics apply --config FILE --topics ops/topics/production.yaml");
  }

  static Map<String, Object> adminSettings(PlumblineConfig config) {
    Map<String, Object> settings = new HashMap<>(config.adminSettings());
    settings.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS);
    settings.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ADMIN_TIMEOUT_MS / 2);
    return settings;
  }

  private static Optional<String> kafkaProblem(PlumblineConfig config) throws InterruptedException {
    PlumblineTopics topics = config.topics();
    List<String> problems = new ArrayList<>();
    try (Admin admin = Admin.create(adminSettings(config))) {
      List<String> present = new ArrayList<>();
      for (var e : admin.describeTopics(topics.all()).topicNameValues().entrySet()) {
        try {
          e.getValue().get();
          present.add(e.getKey());
        } catch (ExecutionException failure) {
          if (!(failure.getCause() instanceof UnknownTopicOrPartitionException)) {
            throw failure;
          }
          problems.add("topic " + e.getKey() + " is missing");
        }
      }
      List<ConfigResource> tables =
          topics.compacted().stream()
              .filter(present::contains)
              .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
              .toList();
      Map<ConfigResource, Config> configs = admin.describeConfigs(tables).all().get();
      configs.forEach(
          (resource, topicConfig) -> {
            ConfigEntry policy = topicConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            String value = policy == null ? "delete" : policy.value();
            if (!value.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
              problems.add(
                  "topic "
                      + resource.name()
                      + " has cleanup.policy="
                      + value
                      + " but is read as a table and must be compacted");
            }
          });
    } catch (ExecutionException e) {
      LOG.debug("Kafka check failed", e);
      return Optional.of(KafkaProblems.explain(e, config));
    } catch (org.apache.kafka.common.KafkaException e) {
      LOG.debug("Kafka check failed", e);
      return Optional.of(KafkaProblems.explain(e, config));
    }
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        String.join("; ", problems)
            + ". Create or fix the topics with: plumbline topics apply --config FILE --topics"
            + " ops/topics/production.yaml (check first with plumbline topics check).");
  }

  private static Optional<String> registryProblem(PlumblineConfig config) {
    String url = config.get(PlumblineConfig.SCHEMA_REGISTRY_URL);
    try {
      var client =
          SchemaRegistryClients.createUnshared(AvroSerdeConfig.parse(config.registrySettings()));
      client.getAllSubjects();
      return Optional.empty();
    } catch (RegistryAuthenticationException e) {
      LOG.debug("registry check failed", e);
      return Optional.of(
          "the schema registry at schema.registry.url="
              + url
              + " refused the credentials (HTTP "
              + e.httpStatus()
              + "). Check basic.auth.user.info (or basic.auth.user.info.file).");
    } catch (SchemaRegistryException e) {
      LOG.debug("registry check failed", e);
      return Optional.of(
          "the schema registry at schema.registry.url="
              + url
              + " cannot be reached ("
              + e.getMessage().lines().findFirst().orElse("")
              + "). Check schema.registry.url and that the registry is up.");
    }
  }
}
