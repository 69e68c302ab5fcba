package io.plumbline.topology.validation;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a table source's value and applies its value rule, so a record that makes no sense is
 * refused before the table stores it (see {@link RequiredKeyDeserializer} for why tables are judged
 * while read, and why only records of the source topic are). Tombstones pass: deleting a row is
 * always allowed.
 */
public final class ValidatingDeserializer<V> implements Deserializer<V> {

  private final String sourceTopic;
  private final Deserializer<V> values;
  private final InputRule<V> rule;

  public ValidatingDeserializer(String sourceTopic, Deserializer<V> values, InputRule<V> rule) {
    this.sourceTopic = Objects.requireNonNull(sourceTopic, "sourceTopic");
    this.values = Objects.requireNonNull(values, "values");
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    values.configure(configs, isKey);
  }

  @Override
  public V deserialize(String topic, byte[] data) {
    return checked(topic, values.deserialize(topic, data));
  }

  @Override
  public V deserialize(String topic, Headers headers, byte[] data) {
    return checked(topic, values.deserialize(topic, headers, data));
  }

  private V checked(String topic, V value) {
    if (value != null && sourceTopic.equals(topic)) {
      // The key is judged by the key's own deserializer.
      rule.check(null, value);
    }
    return value;
  }

  @Override
  public void close() {
    values.close();
  }
}
