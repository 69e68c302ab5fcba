package io.plumbline.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The alerting and recording rules in {@code ops/prometheus/rules} pass {@code promtool check
 * rules} and their unit tests in {@code ops/prometheus/tests} ({@code promtool test rules}).
 * Skipped where promtool (Debian package {@code prometheus}) is not installed; CI installs it.
 */
class PrometheusRulesTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private static final OpsFiles OPS = OpsFiles.ofThisCheckout();
  private static ExternalTool promtool;

  @BeforeAll
  static void findPromtool() {
    Optional<ExternalTool> found = ExternalTool.onPath("promtool");
    assumeTrue(found.isPresent(), "promtool is not installed (Debian package prometheus)");
    promtool = found.get();
  }

  @Test
  void rulesAreValid() throws Exception {
    List<String> arguments = new ArrayList<>(List.of("check", "rules"));
    OPS.ruleFiles().forEach(f -> arguments.add(f.toString()));

    ExternalTool.Run run = promtool.run(OPS.prometheus(), TIMEOUT, arguments);

    assertThat(run.exitCode()).as("promtool check rules:\n%s", run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS").doesNotContain("FAILED");
  }

  @Test
  void ruleUnitTestsPass() throws Exception {
    List<String> arguments = new ArrayList<>(List.of("test", "rules"));
    for (Path test : OPS.ruleTestFiles()) {
      arguments.add(OPS.prometheus().relativize(test).toString());
    }

    ExternalTool.Run run = promtool.run(OPS.prometheus(), TIMEOUT, arguments);

    assertThat(run.exitCode()).as("promtool test rules:\n%s", run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS").doesNotContain("FAILED");
  }
}
