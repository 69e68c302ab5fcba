package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.it.support.CommittedTopic;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.simulator.TruthComparison;
import io.plumbline.topology.validation.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Poison pills mixed into the simulator's site at about one in {@code -Dreliability.poison.one-in}
 * (1,000 by default) good records, cycling through every {@link PoisonKind}: bytes that are not
 * Avro, an unknown schema id, and records that parse but make no sense (a negative phase current, a
 * feed the design lacks, a null key, a reading and a BMC observation a year in the future, a
 * temperature below absolute zero, a negative receipt quantity). The reconciler is its own JVM
 * ({@code plumbline run}) on the real broker and registry, and the site is produced phase by phase,
 * each reconciled before the next.
 *
 * <p>Afterwards the reconciler must be the same process, never in ERROR; the dead-letter topic,
 * read committed, must hold exactly the injected pills (matched by source topic and value bytes),
 * each once, each with the reason its kind calls for in headers; the scraped {@code
 * plumbline_dead_letters_total} must count each reason as often as it was injected; and no good
 * record may be lost: the committed discrepancy transitions equal the ground truth exactly and
 * every node's stage the ground truth's.
 *
 * <p>The site has {@code -Dreliability.poison.scalable-units} scalable units (6 by default, about
 * 16,000 records) so that, at one in 1,000, every kind comes round at least once: the kinds that
 * copy telemetry can only be made once telemetry has started, after the design's 35 %.
 */
class PoisonPillIT {

  private static final long SEED = Long.getLong("reliability.seed", 42);
  private static final int ONE_IN = Integer.getInteger("reliability.poison.one-in", 1000);
  private static final int SCALABLE_UNITS =
      Integer.getInteger("reliability.poison.scalable-units", 6);
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern DEAD_LETTER_SERIES =
      Pattern.compile(
          "(?m)^plumbline_dead_letters_total\\{[^}]*reason=\"([^\"]+)\"[^}]*}\\s+(\\S+)$");
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^\\S+ ERROR ");

  @Test
  void poisonPillsAreDeadLetteredExactlyCountedAndCostNoGoodRecord() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("it-poison-");
    Map<String, String> settings =
        ReconcilerSettings.forChildProcess(
            bootstrap,
            SharedComponents.registry().ccompatUrl(),
            "it-poison-" + run,
            work.resolve("state"));
    PlumblineConfig config = PlumblineConfig.of(settings);
    SimulatedSiteRun.createTopics(config);
    acceptFarFutureTimestamps(bootstrap, config.topics().observedSystems());
    SimulatedSiteRun site =
        SimulatedSiteRun.of(
            SimulatedSiteRun.recentSite()
                .withScalableUnits(SCALABLE_UNITS)
                .withFaultRate(0.01)
                .withSeed(SEED));
    ReconcilerProcess reconciler =
        new ReconcilerProcess(
            ReconcilerSettings.write(
                settings, work.resolve("plumbline.properties"), "PoisonPillIT " + run),
            work);
    long began = System.nanoTime();
    try (PoisonPills pills =
            new PoisonPills(config, SEED, ONE_IN, EnumSet.allOf(PoisonKind.class));
        SimulatedSiteRun.Feed input = site.into(config, STEP_TIMEOUT, pills)) {
      reconciler.start();
      reconciler.awaitReady(STEP_TIMEOUT);
      long pid = reconciler.pid();
      long records =
          input.all(
              (phase, count) -> {
                if (!reconciler.alive()) {
                  throw new AssertionError(
                      "the reconciler exited during " + phase + ":\n" + reconciler.output());
                }
              });
      input.awaitCaughtUp();
      long elapsed = (System.nanoTime() - began) / 1_000_000;

      List<PoisonPills.Pill> injected = pills.injected();
      List<ConsumerRecord<String, byte[]>> deadLetters =
          CommittedTopic.read(
              bootstrap, config.topics().deadLetters(), new ByteArrayDeserializer(), READ_TIMEOUT);
      Map<String, Double> metric = deadLettersByReason(reconciler.get("/metrics"));
      Map<String, Double> expectedMetric = new TreeMap<>();
      injected.forEach(pill -> expectedMetric.merge(pill.kind().metricReason(), 1.0, Double::sum));
      TruthComparison againstTruth = site.againstTruth(config);
      System.out.printf(
          "poison pills: seed %d, %d scalable units, %d good records, %d pills (1 in %d): %s;"
              + " %d dead letters; %d ms%n",
          SEED,
          SCALABLE_UNITS,
          records,
          injected.size(),
          ONE_IN,
          pills.counts(),
          deadLetters.size(),
          elapsed);
      System.out.println("poison pills: plumbline_dead_letters_total by reason " + metric);
      System.out.print("poison pills: against the ground truth: " + againstTruth.report());

      assertThat(pills.counts())
          .as("pills per kind")
          .allSatisfy((kind, n) -> assertThat(n).as("pills of kind %s", kind).isPositive());
      assertThat(reconciler.alive()).as("the reconciler is still running").isTrue();
      assertThat(reconciler.pid()).as("the same process throughout").isEqualTo(pid);
      assertThat(reconciler.starts()).as("never restarted").isEqualTo(1);
      assertThat(reconciler.output())
          .as("bad input is data, not a failure")
          .doesNotContain("stream thread failed")
          .doesNotContain("-> ERROR")
          .doesNotContainPattern(ERROR_LINE);
      assertThat(deadLetters.stream().map(PoisonPillIT::asWritten).toList())
          .as("the dead-letter topic holds exactly the injected pills, each once, with its reason")
          .containsExactlyInAnyOrderElementsOf(
              injected.stream().map(PoisonPillIT::expected).toList());
      assertThat(metric).as("plumbline_dead_letters_total by reason").isEqualTo(expectedMetric);
      assertThat(againstTruth.exact()).as(againstTruth.report()).isTrue();
      assertThat(site.stagesOffTruth(config)).as("node stages against the ground truth").isEmpty();
    } finally {
      if (reconciler.alive()) {
        reconciler.stop();
      }
    }
  }

  /**
   * A BMC observation stamped a year ahead must reach the reconciler to be refused there; the
   * broker would refuse it first (its default {@code message.timestamp.after.max.ms} is an hour).
   */
  private static void acceptFarFutureTimestamps(String bootstrap, String topic) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      AlterConfigOp anyFuture =
          new AlterConfigOp(
              new ConfigEntry(
                  TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE)),
              AlterConfigOp.OpType.SET);
      admin
          .incrementalAlterConfigs(Map.of(resource, List.of(anyFuture)))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
  }

  /** A pill as the dead-letter topic should hold it: source topic, value, reason headers. */
  private static String expected(PoisonPills.Pill pill) {
    return String.join(
        " | ",
        pill.topic(),
        Base64.getEncoder().encodeToString(pill.value()),
        String.valueOf(pill.kind().reasonHeader()),
        pill.kind().exceptionHeader());
  }

  /** A dead letter in the shape of {@link #expected}. */
  private static String asWritten(ConsumerRecord<String, byte[]> deadLetter) {
    return String.join(
        " | ",
        String.valueOf(header(deadLetter, DeadLetterHeaders.TOPIC)),
        deadLetter.value() == null
            ? "null"
            : Base64.getEncoder().encodeToString(deadLetter.value()),
        String.valueOf(header(deadLetter, DeadLetterHeaders.REASON)),
        String.valueOf(header(deadLetter, DeadLetterHeaders.EXCEPTION)));
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Sums the scraped {@code plumbline_dead_letters_total} series by their reason tag. */
  private static Map<String, Double> deadLettersByReason(String scrape) {
    Map<String, Double> byReason = new TreeMap<>();
    Matcher series = DEAD_LETTER_SERIES.matcher(scrape);
    while (series.find()) {
      byReason.merge(series.group(1), Double.parseDouble(series.group(2)), Double::sum);
    }
    return byReason;
  }
}
