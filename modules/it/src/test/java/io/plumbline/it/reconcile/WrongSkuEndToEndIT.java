package io.plumbline.it.reconcile;

import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first reconciliation on a real in-JVM KRaft broker and a real Apicurio registry. */
class WrongSkuEndToEndIT {

  private static EmbeddedKafka kafka;
  private static ApicurioRegistry registry;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start();
    registry = ApicurioRegistry.start();
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void wrongSkuOpensAndResolvesFromEitherSide() throws Exception {
    new WrongSkuScenario(kafka.bootstrapServers(), registry.ccompatUrl()).run();
  }
}
