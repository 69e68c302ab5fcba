package io.plumbline.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.plumbline.serde.SchemaRegistryException;
import io.plumbline.topology.validation.InvalidInputException;
import io.plumbline.topology.validation.UnreadableInputHandler;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do with a record that cannot be deserialized. A bad record (not Avro, unknown schema id,
 * unreadable data, a table record refused while read) goes to the dead-letter topic with the reason
 * in headers ({@link UnreadableInputHandler}) and processing goes on. A registry that refuses our
 * credentials or stays unreachable after retries is not the record's fault: dead-lettering would
 * silently discard every record of the outage, so the reconciler fails loudly instead and resumes
 * from its last commit once restarted.
 */
public final class DeadLetterPolicy extends UnreadableInputHandler {

  /**
   * Streams property carrying the {@link MeterRegistry} to count dead letters in ({@code
   * plumbline.dead.letters}, tagged {@code topic} and {@code reason}: the root cause's class, or
   * the rejection reason of a record refused while read).
   */
  public static final String METER_REGISTRY_CONFIG = "plumbline.dead-letter.meter-registry";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPolicy.class);

  private MeterRegistry meters;

  @Override
  public void configure(Map<String, ?> configs) {
    super.configure(configs);
    if (configs.get(METER_REGISTRY_CONFIG) instanceof MeterRegistry registry) {
      this.meters = registry;
    }
  }

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
    count(record.topic(), exception);
    return super.handleError(context, record, exception);
  }

  private void count(String topic, Exception exception) {
    InvalidInputException invalid = InvalidInputException.in(exception);
    if (invalid != null) {
      DeadLetterMeter.count(meters, topic, invalid.reason().name());
      return;
    }
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    DeadLetterMeter.count(meters, topic, root.getClass().getSimpleName());
  }
}
