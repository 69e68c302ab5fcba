package io.plumbline.app;

import io.plumbline.serde.SchemaRegistryException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code plumbline topics check|apply}: compares the cluster's topics with the declared layout
 * under {@code ops/topics/} and prints every difference; {@code apply} first creates missing topics
 * and sets differing topic configs, then sets the input subjects' registry compatibility ({@link
 * InputSubjectCompatibility}). Exit status 0 when the cluster matches, 1 when differences remain
 * (or Kafka failed), 2 for bad arguments or settings.
 */
final class TopicsCommand implements Command {

  private static final Logger LOG = LoggerFactory.getLogger(TopicsCommand.class);

  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SETTLE_POLL = Duration.ofMillis(200);

  static final Path DEFAULT_SPEC = Path.of("ops", "topics", "production.yaml");

  @Override
  public String usage() {
    return "topics check|apply --config FILE [--topics SPEC.yaml] [--set key=value ...]\n"
        + "                                            compare (check) or create and fix (apply)"
        + " every topic";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws InterruptedException {
    ConfigArguments arguments = ConfigArguments.parse(args);
    List<String> rest = arguments.rest();
    if (rest.isEmpty() || !List.of("check", "apply").contains(rest.get(0))) {
      throw new IllegalArgumentException("topics needs check or apply");
    }
    boolean apply = rest.get(0).equals("apply");
    Path specFile = DEFAULT_SPEC;
    for (int i = 1; i < rest.size(); i++) {
      if (rest.get(i).equals("--topics") && i + 1 < rest.size()) {
        specFile = Path.of(rest.get(++i));
      } else {
        throw new IllegalArgumentException("unexpected argument: " + rest.get(i));
      }
    }
    TopicSpec spec = TopicSpec.load(specFile);
    PlumblineConfig config = arguments.load();
    try (Admin admin = Admin.create(StartupChecks.adminSettings(config))) {
      TopicAudit audit = new TopicAudit(admin);
      List<TopicDifference> differences = audit.differences(spec, config);
      if (apply && !differences.isEmpty()) {
        new TopicApplier(admin).apply(spec, differences).forEach(out::println);
        differences = settled(audit, spec, config);
      }
      if (apply) {
        InputSubjectCompatibility.apply(config).forEach(out::println);
      }
      if (differences.isEmpty()) {
        out.println("topics match " + specFile + ": " + spec.byRole().size() + " topics checked");
        return 0;
      }
      err.println(differences.size() + " difference(s) from " + specFile + ":");
      differences.forEach(d -> err.println("  " + d.describe()));
      if (!apply && differences.stream().anyMatch(TopicDifference::fixableByApply)) {
        err.println("run plumbline topics apply to create missing topics and fix configs");
      }
      return 1;
    } catch (SchemaRegistryException e) {
      LOG.debug("topics apply could not set the input subjects' compatibility", e);
      err.println("could not set the input subjects' compatibility: " + e.getMessage());
      return 1;
    } catch (ExecutionException | KafkaException e) {
      LOG.debug("topics {} failed", rest.get(0), e);
      err.println(KafkaProblems.explain(e, config));
      return 1;
    }
  }

  /**
   * Audits again after changes: the controller has accepted them, but the brokers that answer
   * describe calls learn of them a moment later, so fixable differences are re-read until they are
   * gone or the deadline passes.
   */
  private static List<TopicDifference> settled(
      TopicAudit audit, TopicSpec spec, PlumblineConfig config)
      throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    List<TopicDifference> differences = audit.differences(spec, config);
    while (differences.stream().anyMatch(TopicDifference::fixableByApply)
        && System.nanoTime() < deadline) {
      Thread.sleep(SETTLE_POLL.toMillis());
      differences = audit.differences(spec, config);
    }
    return differences;
  }
}
