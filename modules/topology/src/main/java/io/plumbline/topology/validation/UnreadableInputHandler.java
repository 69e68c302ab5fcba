package io.plumbline.topology.validation;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/**
 * Deserialization-exception policy: a record that could not be read gets Kafka Streams' own dead
 * letter (source bytes, {@code __streams.errors.*} headers, once {@code
 * errors.dead.letter.queue.topic.name} is set) and processing goes on. A table record refused while
 * read ({@link RequiredKeyDeserializer}, {@link ValidatingDeserializer}) also gets its reason
 * headers, as a record refused by a validation step does.
 */
public class UnreadableInputHandler extends LogAndContinueExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    Response response = super.handleError(context, record, exception);
    InvalidInputException invalid = InvalidInputException.in(exception);
    if (invalid != null) {
      for (ProducerRecord<byte[], byte[]> letter : response.deadLetterQueueRecords()) {
        DeadLetterHeaders.setReason(letter.headers(), invalid);
      }
    }
    return response;
  }
}
