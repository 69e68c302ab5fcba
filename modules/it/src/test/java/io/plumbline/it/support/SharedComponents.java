package io.plumbline.it.support;

import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;

/**
 * One Kafka broker and one registry for every integration test in this JVM, started on first use
 * and stopped when the JVM exits. Tests stay independent through unique application ids, topics and
 * subjects; a test that stops its registry or broker starts its own instead.
 */
public final class SharedComponents {

  private static EmbeddedKafka kafka;
  private static ApicurioRegistry registry;

  private SharedComponents() {}

  /** The shared broker. */
  public static synchronized EmbeddedKafka kafka() {
    if (kafka == null) {
      kafka = EmbeddedKafka.start();
      Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "it-kafka-stop"));
    }
    return kafka;
  }

  /** The shared registry (compatibility BACKWARD). */
  public static synchronized ApicurioRegistry registry() {
    if (registry == null) {
      registry = ApicurioRegistry.start();
      Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "it-registry-stop"));
    }
    return registry;
  }
}
