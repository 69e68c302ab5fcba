package io.plumbline.topology.validation;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processing-exception policy: a record refused by validation ({@link InvalidInputException}) is
 * written to the dead-letter topic as it was read (source key and value bytes, source headers) with
 * its reason in headers, and processing resumes. The dead letter goes through the task's own
 * producer, so under exactly-once it is committed in the same transaction as the input offset:
 * never lost, never doubled. Any other exception is a bug, not bad data, and stops the stream
 * thread, as Kafka Streams' default does.
 *
 * <p>Needs {@code errors.dead.letter.queue.topic.name}; without it a refused record also stops the
 * thread rather than vanish. Subclasses count dead letters by overriding {@link #deadLettered}.
 */
public class InvalidInputHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(InvalidInputHandler.class);

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    deadLetterTopic = topic == null || topic.toString().isBlank() ? null : topic.toString();
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    InvalidInputException invalid = InvalidInputException.in(exception);
    if (invalid == null) {
      LOG.error(
          "processing failed at {} for {}-{}@{}; stopping",
          context.processorNodeId(),
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
      return Response.fail();
    }
    if (deadLetterTopic == null) {
      LOG.error(
          "{}-{}@{} refused ({}) but no dead-letter topic is configured; stopping",
          context.topic(),
          context.partition(),
          context.offset(),
          invalid.reason());
      return Response.fail();
    }
    LOG.warn(
        "dead-lettering {}-{}@{}: {} ({})",
        context.topic(),
        context.partition(),
        context.offset(),
        invalid.reason(),
        invalid.getMessage());
    deadLettered(context.topic(), invalid.reason());
    return Response.resume(List.of(deadLetter(context, invalid)));
  }

  /** Called once per dead letter written; counts nothing by default. */
  protected void deadLettered(String sourceTopic, RejectionReason reason) {}

  private ProducerRecord<byte[], byte[]> deadLetter(
      ErrorHandlerContext context, InvalidInputException invalid) {
    Headers headers = new RecordHeaders(context.headers().toArray());
    DeadLetterHeaders.setReason(headers, invalid);
    DeadLetterHeaders.set(
        headers, DeadLetterHeaders.EXCEPTION, InvalidInputException.class.getName());
    DeadLetterHeaders.set(headers, DeadLetterHeaders.EXCEPTION_MESSAGE, invalid.getMessage());
    DeadLetterHeaders.set(headers, DeadLetterHeaders.TOPIC, context.topic());
    DeadLetterHeaders.set(
        headers, DeadLetterHeaders.PARTITION, Integer.toString(context.partition()));
    DeadLetterHeaders.set(headers, DeadLetterHeaders.OFFSET, Long.toString(context.offset()));
    // No timestamp: the producer stamps the time of dead-lettering. The source's own time may be
    // the very far-future stamp that got the record refused, and the broker would refuse it too.
    return new ProducerRecord<>(
        deadLetterTopic, null, null, context.sourceRawKey(), context.sourceRawValue(), headers);
  }
}
