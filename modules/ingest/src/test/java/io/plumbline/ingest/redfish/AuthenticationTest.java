package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.ObservedSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic authentication on every request, or a Redfish session opened, used and deleted. */
class AuthenticationTest {

  @TempDir Path dir;

  @Test
  void basicAuthenticationIsSentOnEveryRequest() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "s3cret\n");
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      Crawls crawl =
          Crawls.run(
              Crawls.against(bmc, "--user", "admin", "--password-file", password.toString()));

      assertThat(crawl.sink.values(ObservedSystem.class)).hasSize(1);
      String expected =
          "Basic "
              + Base64.getEncoder().encodeToString("admin:s3cret".getBytes(StandardCharsets.UTF_8));
      assertThat(bmc.requests())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.authorization()).isEqualTo(expected));
    }
  }

  @Test
  void aSessionIsOpenedUsedAndDeleted() throws Exception {
    Path password = Files.writeString(dir.resolve("password"), "s3cret\n");
    try (MockupServer bmc = Crawls.rackServerWithGpusAndNics()) {
      Crawls crawl =
          Crawls.run(
              Crawls.against(
                  bmc, "--user", "admin", "--password-file", password.toString(), "--session"));

      assertThat(crawl.sink.values(ObservedSystem.class)).hasSize(1);
      assertThat(bmc.count("POST", "/redfish/v1/SessionService/Sessions")).isEqualTo(1);
      assertThat(bmc.count("DELETE", "/redfish/v1/SessionService/Sessions/1")).isEqualTo(1);
      // The service root is read before the session exists: it names the sessions link.
      assertThat(bmc.requests())
          .filteredOn(r -> r.method().equals("GET") && !r.path().equals("/redfish/v1/"))
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(r.token()).isEqualTo("token-1");
                assertThat(r.authorization()).isNull();
              });
      assertThat(bmc.requests().get(bmc.requests().size() - 1).method()).isEqualTo("DELETE");
    }
  }
}
