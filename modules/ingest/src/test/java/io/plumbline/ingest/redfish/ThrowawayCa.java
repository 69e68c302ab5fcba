package io.plumbline.ingest.redfish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made for one test run with the JDK's keytool, and a server certificate
 * for 127.0.0.1 it signed: the setup of a BMC with a site CA, without any file checked in.
 */
final class ThrowawayCa {

  private static final String PASSWORD = "changeit";

  final Path caPem;
  final Path serverKeyStore;

  private ThrowawayCa(Path caPem, Path serverKeyStore) {
    this.caPem = caPem;
    this.serverKeyStore = serverKeyStore;
  }

  /** A CA certificate only, with no server: one the tested BMC does not use. */
  static Path caOnly(Path dir, String name) throws IOException, InterruptedException {
    Path ca = dir.resolve(name + "-ca.p12");
    Path pem = dir.resolve(name + "-ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name + " test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "ca",
        "-rfc",
        "-file",
        pem.toString(),
        "-keystore",
        ca.toString(),
        "-storepass",
        PASSWORD);
    return pem;
  }

  static ThrowawayCa create(Path dir, String name) throws IOException, InterruptedException {
    Path ca = dir.resolve(name + "-ca.p12");
    Path server = dir.resolve(name + "-server.p12");
    Path csr = dir.resolve(name + "-server.csr");
    Path crt = dir.resolve(name + "-server.crt");
    Path pem = dir.resolve(name + "-ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name + " test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        ca.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-alias",
        "ca",
        "-rfc",
        "-file",
        pem.toString(),
        "-keystore",
        ca.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-certreq",
        "-alias",
        "server",
        "-file",
        csr.toString(),
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-gencert",
        "-alias",
        "ca",
        "-infile",
        csr.toString(),
        "-outfile",
        crt.toString(),
        "-ext",
        "san=ip:127.0.0.1",
        "-validity",
        "2",
        "-rfc",
        "-keystore",
        ca.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-importcert",
        "-alias",
        "ca",
        "-file",
        pem.toString(),
        "-noprompt",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD);
    keytool(
        "-importcert",
        "-alias",
        "server",
        "-file",
        crt.toString(),
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD);
    return new ThrowawayCa(pem, server);
  }

  /** The server side: the 127.0.0.1 certificate and its key. */
  SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(serverKeyStore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
    }
  }
}
