package io.plumbline.it.reconcile;

import io.plumbline.embedded.ApicurioRegistry;
import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.it.support.SharedComponents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first reconciliation on a real in-JVM KRaft broker and a real Apicurio registry. */
class WrongSkuEndToEndIT {

  private static EmbeddedKafka kafka;
  private static ApicurioRegistry registry;

  @BeforeAll
  static void start() {
    kafka = SharedComponents.kafka();
    registry = SharedComponents.registry();
  }

  @Test
  void wrongSkuOpensAndResolvesFromEitherSide() throws Exception {
    new WrongSkuScenario(kafka.bootstrapServers(), registry.ccompatUrl()).run();
  }
}
