package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortableException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.Result;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class OutputFailurePolicyTest {

  /** The context the producer's I/O thread passes when the stream thread is between records. */
  private static final DefaultErrorHandlerContext NO_RECORD =
      new DefaultErrorHandlerContext(
          null, "t", 0, -1, new RecordHeaders(), "node", new TaskId(2, 0), -1, null, null);

  private static final ProducerRecord<byte[], byte[]> OUTPUT =
      new ProducerRecord<>(
          "supply-po-line-receipts-store-changelog", new byte[] {1}, new byte[] {2});

  private final OutputFailurePolicy policy = configured();

  private static OutputFailurePolicy configured() {
    OutputFailurePolicy policy = new OutputFailurePolicy();
    policy.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq"));
    return policy;
  }

  @Test
  void aRetriableFailureIsRetried() {
    Response response = policy.handleError(NO_RECORD, OUTPUT, new TimeoutException("metadata"));
    assertThat(response.result()).isEqualTo(Result.RETRY);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  @Test
  void anAbortedTransactionFailsWithoutADeadLetterEvenWithNoRecordContext() {
    Response response =
        policy.handleError(
            NO_RECORD, OUTPUT, new TransactionAbortableException("aborted after retries"));
    assertThat(response.result()).isEqualTo(Result.FAIL);
    assertThat(response.deadLetterQueueRecords()).isEmpty();
  }

  /** Why the policy exists: Kafka's default handler throws on the same call. */
  @Test
  void kafkasDefaultHandlerCannotBuildItsDeadLetterWithoutARecordContext() {
    DefaultProductionExceptionHandler kafkaDefault = new DefaultProductionExceptionHandler();
    kafkaDefault.configure(Map.of(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "dlq"));
    assertThatThrownBy(
            () ->
                kafkaDefault.handleError(
                    NO_RECORD, OUTPUT, new TransactionAbortableException("aborted")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid timestamp: -1");
  }

  @Test
  void otherFailuresFailWithoutADeadLetter() {
    assertThat(policy.handleError(NO_RECORD, OUTPUT, new RecordTooLargeException("big")).result())
        .isEqualTo(Result.FAIL);
    Response serialization =
        policy.handleSerializationError(
            NO_RECORD,
            OUTPUT,
            new SerializationException("registry"),
            SerializationExceptionOrigin.VALUE);
    assertThat(serialization.result()).isEqualTo(Result.FAIL);
    assertThat(serialization.deadLetterQueueRecords()).isEmpty();
  }
}
