package io.plumbline.topology.validation;

import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the key of a table source and refuses a missing or blank one. A table has no step between
 * its source and its store where a validation step could stand, and Kafka Streams would drop a
 * keyless table record with only a log line; refused here, the record reaches the
 * deserialization-exception handler and so the dead-letter topic, with its reason.
 *
 * <p>Only records of the source topic are judged: Kafka Streams hands a table's source serdes on to
 * the operations downstream of it, whose internal topics are the reconciler's own and may carry
 * records without a key.
 */
public final class RequiredKeyDeserializer implements Deserializer<String> {

  private final String sourceTopic;
  private final StringDeserializer strings = new StringDeserializer();
  private final KeyPresent<Object> rule = new KeyPresent<>();

  public RequiredKeyDeserializer(String sourceTopic) {
    this.sourceTopic = Objects.requireNonNull(sourceTopic, "sourceTopic");
  }

  @Override
  public String deserialize(String topic, byte[] data) {
    String key = strings.deserialize(topic, data);
    if (sourceTopic.equals(topic)) {
      rule.check(key, null);
    }
    return key;
  }

  @Override
  public String deserialize(String topic, Headers headers, byte[] data) {
    return deserialize(topic, data);
  }
}
