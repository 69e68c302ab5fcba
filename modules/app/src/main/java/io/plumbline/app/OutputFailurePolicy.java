package io.plumbline.app;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * What the reconciler does when one of its own output records cannot be written: retry a retriable
 * failure (Kafka Streams then re-initialises the task from its last commit), fail on any other. It
 * never dead-letters: the dead-letter topic holds unreadable or refused inputs, and a failed write
 * is not a bad input.
 *
 * <p>Kafka's default handler dead-letters too, once {@code errors.dead.letter.queue.topic.name} is
 * set, and builds the dead letter from the record context. When a broker outage aborts the
 * transaction, the producer's I/O thread calls the handler for every aborted record while the
 * stream thread sits between records, with no record context: the timestamp is -1, building the
 * dead letter throws, and the stream thread dies (seen in BrokerOutageIT, docs/reliability.md).
 */
public final class OutputFailurePolicy implements ProductionExceptionHandler {

  @Override
  public Response handleError(
      ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
    return exception instanceof RetriableException ? Response.retry() : Response.fail();
  }

  @Override
  @SuppressWarnings("rawtypes") // the interface declares the record raw
  public Response handleSerializationError(
      ErrorHandlerContext context,
      ProducerRecord record,
      Exception exception,
      SerializationExceptionOrigin origin) {
    // Our own records failing to serialize is a defect: stop rather than skip an output.
    return Response.fail();
  }

  @Override
  public void configure(Map<String, ?> configs) {
    // No settings.
  }
}
