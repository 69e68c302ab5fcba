package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plumbline.serde.UnknownMagicByteException;
import io.plumbline.topology.validation.DeadLetterHeaders;
import io.plumbline.topology.validation.InvalidInputException;
import io.plumbline.topology.validation.RejectionReason;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.junit.jupiter.api.Test;

class DeadLetterPolicyTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void countsDeadLettersByTopicAndRootCause() {
    DeadLetterPolicy policy = new DeadLetterPolicy();
    policy.configure(Map.of(DeadLetterPolicy.METER_REGISTRY_CONFIG, meters));
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("plumbline.telemetry.power", 0, 7L, new byte[0], new byte[] {9});
    Exception unreadable =
        new SerializationException(
            "bad", new UnknownMagicByteException("plumbline.telemetry.power", (byte) 9));

    var first = policy.handleError(context(), record, unreadable);
    policy.handleError(context(), record, unreadable);

    assertThat(first.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(
            meters
                .get("plumbline.dead.letters")
                .tags("topic", "plumbline.telemetry.power", "reason", "UnknownMagicByteException")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void withoutARegistryItStillDeadLetters() {
    DeadLetterPolicy policy = new DeadLetterPolicy();
    policy.configure(Map.of());
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("t", 0, 1L, new byte[0], new byte[] {1});
    assertThat(policy.handleError(context(), record, new SerializationException("x")).result())
        .isEqualTo(DeserializationExceptionHandler.Result.RESUME);
  }

  @Test
  void aTableRecordRefusedWhileReadIsDeadLetteredWithItsReasonAndCountedUnderIt() {
    DeadLetterPolicy policy = new DeadLetterPolicy();
    policy.configure(
        Map.of(
            DeadLetterPolicy.METER_REGISTRY_CONFIG,
            meters,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            "plumbline.dead-letters"));
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("plumbline.supply.purchase-orders", 0, 3L, null, new byte[] {1});
    Exception refused =
        new InvalidInputException(RejectionReason.NULL_KEY, "the record has no key");

    var response = policy.handleError(context(), record, refused);

    assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
    assertThat(response.deadLetterQueueRecords()).hasSize(1);
    var letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo("plumbline.dead-letters");
    assertThat(header(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("NULL_KEY");
    assertThat(header(letter.headers(), DeadLetterHeaders.MESSAGE))
        .isEqualTo("the record has no key");
    assertThat(
            meters
                .get("plumbline.dead.letters")
                .tags("topic", "plumbline.supply.purchase-orders", "reason", "NULL_KEY")
                .counter()
                .count())
        .isEqualTo(1.0);
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** A context answering zeros and nulls: the policy only logs from it. */
  private static ErrorHandlerContext context() {
    return (ErrorHandlerContext)
        Proxy.newProxyInstance(
            ErrorHandlerContext.class.getClassLoader(),
            new Class<?>[] {ErrorHandlerContext.class},
            (proxy, method, args) -> {
              Class<?> type = method.getReturnType();
              if (type == int.class) {
                return 0;
              }
              if (type == long.class) {
                return 0L;
              }
              return null;
            });
  }
}
