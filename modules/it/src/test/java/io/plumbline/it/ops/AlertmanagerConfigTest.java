package io.plumbline.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Alertmanager example in {@code ops/alertmanager} passes {@code amtool check-config} and
 * routes as documented: critical alerts page (and show in chat), warnings go to chat. Skipped where
 * amtool (Debian package {@code prometheus-alertmanager}) is not installed; CI installs it.
 */
class AlertmanagerConfigTest {

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private static final OpsFiles OPS = OpsFiles.ofThisCheckout();
  private static ExternalTool amtool;

  @BeforeAll
  static void findAmtool() {
    Optional<ExternalTool> found = ExternalTool.onPath("amtool");
    assumeTrue(
        found.isPresent(), "amtool is not installed (Debian package prometheus-alertmanager)");
    amtool = found.get();
  }

  @Test
  void configIsValid() throws Exception {
    ExternalTool.Run run =
        amtool.run(
            OPS.root(), TIMEOUT, List.of("check-config", OPS.alertmanagerConfig().toString()));

    assertThat(run.exitCode()).as("amtool check-config:\n%s", run.output()).isZero();
    assertThat(run.output()).contains("SUCCESS");
  }

  @Test
  void criticalAlertsPageAndShowInChat() throws Exception {
    assertRoutedTo("pager,chat", "alertname=PlumblineFeedOverBudget", "severity=critical");
  }

  @Test
  void warningsGoToChatOnly() throws Exception {
    assertRoutedTo("chat", "alertname=PlumblineFeedNearBudget", "severity=warning");
  }

  private void assertRoutedTo(String receivers, String... labels) throws Exception {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "config",
                "routes",
                "test",
                "--config.file=" + OPS.alertmanagerConfig(),
                "--verify.receivers=" + receivers));
    arguments.addAll(List.of(labels));

    ExternalTool.Run run = amtool.run(OPS.root(), TIMEOUT, arguments);

    assertThat(run.exitCode()).as("amtool config routes test:\n%s", run.output()).isZero();
  }
}
