package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.ObservedSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BMCs over TLS: trusted through --ca-file, refused with a clear message otherwise. */
class TlsTest {

  @TempDir static Path dir;
  private static ThrowawayCa siteCa;
  private static Path otherCa;

  @BeforeAll
  static void createAuthorities() throws Exception {
    siteCa = ThrowawayCa.create(dir, "site");
    otherCa = ThrowawayCa.caOnly(dir, "other");
  }

  @Test
  void aBmcSignedByTheGivenCaIsRead() throws Exception {
    try (MockupServer bmc =
        MockupServer.https("redfish/public-rackmount1", siteCa.serverContext())) {
      Crawls crawl = Crawls.run(Crawls.against(bmc, "--ca-file", siteCa.caPem.toString()));

      assertThat(crawl.sink.values(ObservedSystem.class))
          .singleElement()
          .satisfies(s -> assertThat(s.getSerialNumber()).isEqualTo("437XR1138R2"));
      assertThat(crawl.status).isZero();
    }
  }

  @Test
  void anUntrustedCertificateIsRefusedWithAClearMessage() throws Exception {
    try (MockupServer bmc =
        MockupServer.https("redfish/public-rackmount1", siteCa.serverContext())) {
      Crawls withOtherCa = Crawls.run(Crawls.against(bmc, "--ca-file", otherCa.toString()));
      Crawls withSystemTrust = Crawls.run(Crawls.against(bmc));

      assertThat(withOtherCa.sink.sent).isEmpty();
      assertThat(withOtherCa.progress())
          .contains(
              "redfish "
                  + bmc.address()
                  + ": not read: GET /redfish/v1/: TLS handshake with "
                  + bmc.address()
                  + " failed, its certificate is not trusted by the CA file "
                  + otherCa)
          .contains("pass --ca-file with the BMC's CA, or --insecure to accept any certificate");
      assertThat(withSystemTrust.sink.sent).isEmpty();
      assertThat(withSystemTrust.progress()).contains("not trusted by the JVM's trust store");
      assertThat(bmc.requests()).as("nothing reached the service").isEmpty();
    }
  }

  @Test
  void insecureAcceptsAnyCertificateAndSaysSo() throws Exception {
    try (MockupServer bmc =
        MockupServer.https("redfish/public-rackmount1", siteCa.serverContext())) {
      Crawls crawl = Crawls.run(Crawls.against(bmc, "--insecure"));

      assertThat(crawl.sink.values(ObservedSystem.class)).hasSize(1);
      assertThat(crawl.progress()).contains("--insecure: BMC certificates are NOT verified");
    }
  }

  @Test
  void caFileAndInsecureExcludeEachOtherAndABadCaFileIsNamed() throws Exception {
    Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    assertThatThrownBy(
            () ->
                RedfishOptions.parse(
                    List.of(
                        "--bmc",
                        "https://192.0.2.10",
                        "--ca-file",
                        siteCa.caPem.toString(),
                        "--insecure")))
        .hasMessageContaining("--ca-file and --insecure exclude each other");
    RedfishOptions options =
        RedfishOptions.parse(
            List.of("--bmc", "https://192.0.2.10", "--ca-file", notPem.toString()));
    assertThatThrownBy(options::trust).hasMessageStartingWith("--ca-file " + notPem);
  }
}
