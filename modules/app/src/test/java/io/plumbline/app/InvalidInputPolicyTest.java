package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.plumbline.topology.validation.DeadLetterHeaders;
import io.plumbline.topology.validation.InvalidInputException;
import io.plumbline.topology.validation.RejectionReason;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class InvalidInputPolicyTest {

  private static final String TOPIC = "plumbline.telemetry.power";

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final InvalidInputPolicy policy = new InvalidInputPolicy();

  @Test
  void deadLettersTheSourceBytesWithTheReasonAndCountsByReason() {
    policy.configure(
        Map.of(
            DeadLetterPolicy.METER_REGISTRY_CONFIG,
            meters,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            "plumbline.dead-letters"));
    var refused = new InvalidInputException(RejectionReason.NEGATIVE_CURRENT, "phase L1 is -2");

    var response = policy.handleError(context(), new Record<>("501", "x", 0L), refused);
    policy.handleError(context(), new Record<>("501", "x", 0L), refused);

    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
    var letter = response.deadLetterQueueRecords().get(0);
    assertThat(letter.topic()).isEqualTo("plumbline.dead-letters");
    assertThat(letter.key()).isEqualTo("501".getBytes(StandardCharsets.UTF_8));
    assertThat(letter.value()).containsExactly(1, 2, 3);
    assertThat(letter.timestamp()).isNull();
    assertThat(
            new String(
                letter.headers().lastHeader(DeadLetterHeaders.REASON).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("NEGATIVE_CURRENT");
    assertThat(
            meters
                .get("plumbline.dead.letters")
                .tags("topic", TOPIC, "reason", "NEGATIVE_CURRENT")
                .counter()
                .count())
        .isEqualTo(2.0);
  }

  @Test
  void anyOtherExceptionStopsTheThreadAndIsNotCounted() {
    policy.configure(
        Map.of(
            DeadLetterPolicy.METER_REGISTRY_CONFIG,
            meters,
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG,
            "plumbline.dead-letters"));
    var response =
        policy.handleError(
            context(), new Record<>("501", "x", 0L), new IllegalStateException("a bug"));
    assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
    assertThat(meters.find("plumbline.dead.letters").counters()).isEmpty();
  }

  @Test
  void withoutADeadLetterTopicARefusedRecordStopsTheThreadRatherThanVanish() {
    policy.configure(Map.of(DeadLetterPolicy.METER_REGISTRY_CONFIG, meters));
    var refused = new InvalidInputException(RejectionReason.UNKNOWN_FEED, "no feed 9");
    assertThat(policy.handleError(context(), new Record<>("9", "x", 0L), refused).result())
        .isEqualTo(ProcessingExceptionHandler.Result.FAIL);
  }

  /** The source record's context: topic, position and raw bytes as Kafka Streams hands them. */
  private static ErrorHandlerContext context() {
    return (ErrorHandlerContext)
        Proxy.newProxyInstance(
            ErrorHandlerContext.class.getClassLoader(),
            new Class<?>[] {ErrorHandlerContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "topic" -> TOPIC;
                  case "partition" -> 0;
                  case "offset" -> 7L;
                  case "timestamp" -> 0L;
                  case "headers" -> new RecordHeaders();
                  case "processorNodeId" -> "power-readings-valid";
                  case "sourceRawKey" -> "501".getBytes(StandardCharsets.UTF_8);
                  case "sourceRawValue" -> new byte[] {1, 2, 3};
                  default -> null;
                });
  }
}
