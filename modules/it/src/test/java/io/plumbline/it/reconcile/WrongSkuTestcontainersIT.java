package io.plumbline.it.reconcile;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same end-to-end scenario on the official Apache Kafka image and Confluent's Schema Registry
 * image. Runs where a Docker engine exists and is skipped cleanly where none does.
 */
@Testcontainers(disabledWithoutDocker = true)
class WrongSkuTestcontainersIT {

  private static final Network NETWORK = Network.newNetwork();

  @Container
  private static final KafkaContainer KAFKA =
      new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"))
          .withNetwork(NETWORK)
          .withNetworkAliases("kafka")
          .withListener("kafka:19092");

  @Container
  private static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0"))
          .withNetwork(NETWORK)
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .dependsOn(KAFKA)
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  @Test
  void wrongSkuOpensAndResolvesFromEitherSide() throws Exception {
    String registryUrl = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
    new WrongSkuScenario(KAFKA.getBootstrapServers(), registryUrl).run();
  }
}
