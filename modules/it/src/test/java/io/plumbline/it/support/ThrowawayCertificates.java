package io.plumbline.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway certificate authority and the PKCS12 stores a TLS test needs, made with the JDK's own
 * {@code keytool}: a CA, a trust store holding it, and key stores for named entities (the broker as
 * {@code localhost}/127.0.0.1, a client) signed by it. Valid for two days.
 */
public final class ThrowawayCertificates {

  /** The password of every store and key made here. */
  public static final String PASSWORD = "throwaway-store-password";

  private final Path dir;

  private ThrowawayCertificates(Path dir) {
    this.dir = dir;
  }

  /** Creates the CA and the trust store in {@code dir}. */
  public static ThrowawayCertificates create(Path dir) {
    ThrowawayCertificates certificates = new ThrowawayCertificates(dir);
    certificates.keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=plumbline-test-ca",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        "ca.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    certificates.keytool(
        "-exportcert",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        PASSWORD,
        "-rfc",
        "-file",
        "ca.pem");
    certificates.keytool(
        "-importcert",
        "-alias",
        "ca",
        "-file",
        "ca.pem",
        "-keystore",
        "truststore.p12",
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-noprompt");
    return certificates;
  }

  /** The trust store holding the CA. */
  public Path trustStore() {
    return dir.resolve("truststore.p12");
  }

  /**
   * A key store for {@code commonName}, its certificate signed by the CA, valid for the host names
   * {@code localhost} and 127.0.0.1.
   */
  public Path keyStore(String commonName) {
    String store = commonName + ".p12";
    keytool(
        "-genkeypair",
        "-alias",
        commonName,
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=" + commonName,
        "-validity",
        "2",
        "-keystore",
        store,
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        "-certreq",
        "-alias",
        commonName,
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-file",
        commonName + ".csr");
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-keystore",
        "ca.p12",
        "-storepass",
        PASSWORD,
        "-infile",
        commonName + ".csr",
        "-outfile",
        commonName + ".pem",
        "-rfc",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2");
    keytool(
        "-importcert",
        "-alias",
        "ca",
        "-file",
        "ca.pem",
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-noprompt");
    keytool(
        "-importcert",
        "-alias",
        commonName,
        "-file",
        commonName + ".pem",
        "-keystore",
        store,
        "-storepass",
        PASSWORD,
        "-noprompt");
    return dir.resolve(store);
  }

  private void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running keytool", e);
    }
  }
}
