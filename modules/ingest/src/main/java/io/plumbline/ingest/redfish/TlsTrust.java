package io.plumbline.ingest.redfish;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which BMC certificates to trust. BMCs usually carry certificates from a site CA or self-signed
 * ones, so the choice is explicit: the JVM's default trust store, a CA bundle in PEM, or, only when
 * asked for by name ({@code --insecure}), any certificate and any host name.
 */
public final class TlsTrust {

  private final SSLContext context;
  private final String description;

  private TlsTrust(SSLContext context, String description) {
    this.context = context;
    this.description = description;
  }

  /** The JVM's default trust store. */
  public static TlsTrust system() {
    try {
      return new TlsTrust(SSLContext.getDefault(), "the JVM's trust store");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
  }

  /** Trusts the CA certificates in a PEM file (one or more), and only those. */
  public static TlsTrust caFile(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("--ca-file " + pem + ": no certificate in the file");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return new TlsTrust(context, "the CA file " + pem);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "--ca-file " + pem + ": not a readable PEM certificate file (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Trusts every certificate and skips host-name checks: an X509ExtendedTrustManager that accepts
   * all also replaces the endpoint identification the JDK's own trust manager would perform.
   */
  public static TlsTrust insecure() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAll()}, null);
      return new TlsTrust(context, "nothing (--insecure: every certificate accepted)");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS context", e);
    }
  }

  public SSLContext sslContext() {
    return context;
  }

  /** What is trusted, for error messages. */
  public String description() {
    return description;
  }

  private static final class AcceptAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
