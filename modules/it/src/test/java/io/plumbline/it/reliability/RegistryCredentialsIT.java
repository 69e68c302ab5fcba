package io.plumbline.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.simulator.Scenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A registry that refuses the reconciler's credentials stops {@code plumbline run} loudly: the
 * process exits non-zero with one message naming the registry and the credentials setting, no stack
 * trace, and never echoes the password. The registry is the real Apicurio behind {@link
 * BasicAuthRegistryProxy}; with the right credentials the same reconciler starts and reconciles
 * records whose schemas it looks up through the proxy.
 */
class RegistryCredentialsIT {

  private static final String USER = "plumbline";
  private static final String PASSWORD = "correct-horse";
  private static final String WRONG_PASSWORD = "wrong-battery";
  private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

  @Test
  void refusedCredentialsStopTheReconcilerWithOneClearMessageAndGoodOnesWork() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    URI registryRoot = URI.create(SharedComponents.registry().ccompatUrl()).resolve("/");
    String run = UUID.randomUUID().toString().substring(0, 8);
    Path work = Files.createTempDirectory("it-registry-auth-");
    try (BasicAuthRegistryProxy proxy = new BasicAuthRegistryProxy(registryRoot, USER, PASSWORD)) {
      String registryUrl = proxy.uri().resolve("/apis/ccompat/v7").toString();
      Map<String, String> settings =
          ReconcilerSettings.forChildProcess(
              bootstrap, registryUrl, "it-registry-auth-" + run, work.resolve("state"));
      settings.put("basic.auth.credentials.source", "USER_INFO");
      PlumblineConfig config = PlumblineConfig.of(settings);
      SimulatedSiteRun.createTopics(config);

      settings.put("basic.auth.user.info", USER + ":" + WRONG_PASSWORD);
      Path refusedDir = Files.createDirectories(work.resolve("refused"));
      ReconcilerProcess refused =
          new ReconcilerProcess(
              ReconcilerSettings.write(
                  settings, refusedDir.resolve("plumbline.properties"), "wrong credentials"),
              refusedDir);
      refused.start();
      assertThat(refused.exitsWithin(STEP_TIMEOUT))
          .as("exits by itself when the registry refuses its credentials")
          .isTrue();
      String output = refused.output();
      System.out.println("registry credentials: refused run said:\n" + output);
      assertThat(refused.exitCode()).as("exit code").isNotZero();
      assertThat(proxy.refused()).as("requests the registry refused").isPositive();
      assertThat(output)
          .contains("plumbline cannot start")
          .contains("schema.registry.url=" + registryUrl)
          .contains("refused the credentials (HTTP 401)")
          .contains("basic.auth.user.info")
          .doesNotContain(WRONG_PASSWORD)
          .doesNotContain("\tat ")
          .doesNotContainPattern("(?m)^Exception in thread");

      settings.put("basic.auth.user.info", USER + ":" + PASSWORD);
      PlumblineConfig goodConfig = PlumblineConfig.of(settings);
      Path acceptedDir = Files.createDirectories(work.resolve("accepted"));
      ReconcilerProcess accepted =
          new ReconcilerProcess(
              ReconcilerSettings.write(
                  settings, acceptedDir.resolve("plumbline.properties"), "good credentials"),
              acceptedDir);
      SimulatedSiteRun site = SimulatedSiteRun.of(SimulatedSiteRun.recentSite().withSeed(7));
      try (SimulatedSiteRun.Feed input = site.into(goodConfig, STEP_TIMEOUT)) {
        accepted.start();
        accepted.awaitReady(STEP_TIMEOUT);
        int forwardedBefore = proxy.forwarded();
        input.produce(Scenario.Phase.ORDERS);
        input.produce(Scenario.Phase.DESIGN);
        input.awaitCaughtUp();
        assertThat(accepted.alive()).as("the reconciler with good credentials runs").isTrue();
        assertThat(proxy.forwarded())
            .as("schema look-ups went through the authenticating proxy")
            .isGreaterThan(forwardedBefore);
        assertThat(accepted.output()).doesNotContain("-> ERROR");
      } finally {
        if (accepted.alive()) {
          accepted.stop();
        }
      }
    }
  }
}
