package io.plumbline.app;

import io.plumbline.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with a record that cannot be deserialized. A bad record (not Avro, unknown schema id,
 * unreadable data) goes to the dead-letter topic with the reason in headers and processing goes on.
 * A registry that refuses our credentials or stays unreachable after retries is not the record's
 * fault: dead-lettering would silently discard every record of the outage, so the reconciler fails
 * loudly instead and resumes from its last commit once restarted.
 */
public final class DeadLetterPolicy extends LogAndContinueExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPolicy.class);

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SchemaRegistryException) {
        LOG.error(
            "schema registry failure reading {}-{}@{}; stopping rather than dead-lettering",
            record.topic(),
            record.partition(),
            record.offset(),
            exception);
        return Response.fail();
      }
    }
    return super.handleError(context, record, exception);
  }
}
