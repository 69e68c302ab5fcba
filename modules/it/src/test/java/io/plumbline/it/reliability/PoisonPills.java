package io.plumbline.it.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Unreadable records mixed into a good stream at a seeded random rate: bytes that are not Avro
 * (JSON, as a misconfigured producer would write) and registry wire format with a schema id the
 * registry never issued. Remembers every key it injected, so a test can check that the dead-letter
 * topic holds exactly these.
 */
final class PoisonPills implements AutoCloseable {

  private final KafkaProducer<String, byte[]> producer;
  private final Random random;
  private final int oneIn;
  private final List<String> injected = new ArrayList<>();

  PoisonPills(String bootstrapServers, long seed, int oneIn) {
    this.producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
            new StringSerializer(),
            new ByteArraySerializer());
    this.random = new Random(seed);
    this.oneIn = oneIn;
  }

  /** With probability 1/{@code oneIn}, writes one bad record to {@code topic}. */
  void maybeInject(String topic, long timestamp) {
    if (random.nextInt(oneIn) != 0) {
      return;
    }
    String key = "poison-" + injected.size();
    byte[] value =
        injected.size() % 2 == 0
            ? ("{\"key\":\"" + key + "\",\"current\":-1}").getBytes(StandardCharsets.UTF_8)
            : new byte[] {0, 0x7f, 0x7f, 0x7e, (byte) injected.size(), 2, 4};
    producer.send(new ProducerRecord<>(topic, null, timestamp, key, value));
    injected.add(key);
  }

  void flush() {
    producer.flush();
  }

  /** Keys of the records injected so far, in order. */
  List<String> injected() {
    return List.copyOf(injected);
  }

  @Override
  public void close() {
    producer.close();
  }
}
