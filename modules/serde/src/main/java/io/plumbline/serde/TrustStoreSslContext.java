package io.plumbline.serde;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Builds the TLS context that trusts the certificates of a configured trust store. */
final class TrustStoreSslContext {

  private TrustStoreSslContext() {}

  static SSLContext create(RegistryConnection.TrustStore trustStore) {
    try (InputStream in = Files.newInputStream(Path.of(trustStore.location()))) {
      KeyStore keyStore = KeyStore.getInstance(trustStore.type());
      keyStore.load(in, trustStore.password().map(String::toCharArray).orElse(null));
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException(
          AvroSerdeConfig.SSL_TRUSTSTORE_LOCATION,
          trustStore.location(),
          "the " + trustStore.type() + " trust store could not be loaded: " + e.getMessage());
    }
  }
}
