package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings stop start-up with a message naming the option. */
class RedfishOptionsTest {

  @TempDir Path dir;

  @Test
  void readsEveryOption() throws Exception {
    Path bmcs =
        Files.writeString(
            dir.resolve("bmcs.txt"), "# rack 14\n192.0.2.10\nhttp://192.0.2.11:8000  # lab\n\n");
    Path password = Files.writeString(dir.resolve("pw"), "s3cret\n");
    RedfishOptions options =
        RedfishOptions.parse(
            List.of(
                "--bmc-file",
                bmcs.toString(),
                "--user",
                "admin",
                "--password-file",
                password.toString(),
                "--session",
                "--interval",
                "5m",
                "--concurrency",
                "4",
                "--timeout",
                "1500ms",
                "--retries",
                "0"));
    assertThat(options.bmcs())
        .containsExactly(URI.create("https://192.0.2.10"), URI.create("http://192.0.2.11:8000"));
    assertThat(options.credentials().user()).isEqualTo("admin");
    assertThat(options.credentials().password()).isEqualTo("s3cret");
    assertThat(options.credentials().session()).isTrue();
    assertThat(options.credentials().toString()).doesNotContain("s3cret");
    assertThat(options.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.concurrency()).isEqualTo(4);
    assertThat(options.retry().timeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(options.retry().retries()).isZero();
  }

  @Test
  void badSettingsNameTheOption() throws Exception {
    Path badMap = Files.writeString(dir.resolve("map.json"), "{\"pdus\":[{\"match\":\"x\"}]}");
    assertThatThrownBy(() -> RedfishOptions.parse(List.of()))
        .hasMessageContaining("--bmc or --bmc-file is required");
    assertThatThrownBy(() -> RedfishOptions.parse(List.of("--bmc", "ftp://192.0.2.10")))
        .hasMessageStartingWith("--bmc ftp://192.0.2.10");
    assertThatThrownBy(
            () -> RedfishOptions.parse(List.of("--bmc", "192.0.2.10", "--timeout", "soon")))
        .hasMessageStartingWith("--timeout soon: not a duration");
    assertThatThrownBy(
            () -> RedfishOptions.parse(List.of("--bmc", "192.0.2.10", "--concurrency", "0")))
        .hasMessageStartingWith("--concurrency 0");
    assertThatThrownBy(
            () -> RedfishOptions.parse(List.of("--bmc", "192.0.2.10", "--user", "admin")))
        .hasMessageContaining("--user needs --password-file");
    assertThatThrownBy(
            () ->
                RedfishOptions.parse(
                    List.of("--bmc", "192.0.2.10", "--pdu-map", badMap.toString())))
        .hasMessage("--pdu-map " + badMap + ": pdus[0]: 'feed' is required");
    assertThatThrownBy(() -> RedfishOptions.parse(List.of("--bmc", "192.0.2.10", "--frobnicate")))
        .hasMessageContaining("unknown option --frobnicate");
  }
}
