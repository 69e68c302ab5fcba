package io.plumbline.app;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Turns a failure of a Kafka admin call into one sentence for the person starting Plumbline, naming
 * the settings to check. The exception itself belongs in a DEBUG log, not on their screen.
 */
final class KafkaProblems {

  private KafkaProblems() {}

  static String explain(Throwable failure, PlumblineConfig config) {
    Throwable cause = failure;
    while (cause instanceof ExecutionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String where = "Kafka at bootstrap.servers=" + config.bootstrapServers();
    if (cause instanceof SslAuthenticationException) {
      return where
          + " failed the TLS handshake ("
          + firstLine(cause)
          + "). Check kafka.security.protocol, kafka.ssl.truststore.location and, for mutual TLS,"
          + " kafka.ssl.keystore.location.";
    }
    if (cause instanceof SaslAuthenticationException || cause instanceof AuthenticationException) {
      return where
          + " refused authentication ("
          + firstLine(cause)
          + "). Check the user and password in kafka.sasl.jaas.config (or"
          + " kafka.sasl.jaas.config.file) and kafka.sasl.mechanism.";
    }
    if (cause instanceof AuthorizationException) {
      return where
          + " denied an operation ("
          + firstLine(cause)
          + "). Grant the principal Plumbline runs as the ACLs listed in docs/deployment.md.";
    }
    if (cause instanceof TimeoutException) {
      return where
          + " did not answer in time. Check bootstrap.servers, that the cluster is up and"
          + " reachable, and that kafka.security.protocol matches the listener.";
    }
    return where + " failed: " + firstLine(cause);
  }

  private static String firstLine(Throwable t) {
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
