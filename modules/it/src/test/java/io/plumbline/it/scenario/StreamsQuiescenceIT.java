package io.plumbline.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.embedded.EmbeddedKafka;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.simulator.kafka.StreamsQuiescence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * "Caught up" on a real broker: a transaction left open on a partition the application reads hides
 * the records written after it from a read-committed consumer, so the committed offsets reach the
 * read-committed end while records are still to come. The wait must not end then.
 */
class StreamsQuiescenceIT {

  /**
   * How long the wait must keep saying "behind" while the transaction is open: with the group
   * already settled, the old check said "caught up" within two polls (0.4 s).
   */
  private static final Duration WHILE_OPEN = Duration.ofSeconds(5);

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void anOpenTransactionOnAnInputPartitionKeepsTheApplicationBehind() throws Exception {
    EmbeddedKafka kafka = SharedComponents.kafka();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = "quiescence-" + run;
    String group = "quiescence-app-" + run;
    kafka.createTopics(List.of(new NewTopic(topic, 1, (short) 1)));
    TopicPartition partition = new TopicPartition(topic, 0);

    try (KafkaProducer<String, String> open = transactional(kafka, "open-" + run);
        KafkaProducer<String, String> other = transactional(kafka, "other-" + run);
        CommittingReader reader = new CommittingReader(kafka, group, topic);
        StreamsQuiescence quiescence =
            new StreamsQuiescence(kafka.bootstrapServers(), group, List.of(topic))) {
      other.beginTransaction();
      other.send(new ProducerRecord<>(topic, "k", "before"));
      other.commitTransaction();
      // The reader has joined, been assigned the partition and committed: caught up.
      quiescence.await(TIMEOUT);
      assertThat(reader.values()).containsExactly("before");

      open.beginTransaction();
      open.send(new ProducerRecord<>(topic, "k", "in the open transaction"));
      open.flush();
      other.beginTransaction();
      other.send(new ProducerRecord<>(topic, "k", "after, committed"));
      other.commitTransaction();

      assertThatThrownBy(() -> quiescence.await(WHILE_OPEN))
          .isInstanceOf(TimeoutException.class)
          .hasMessageContaining("still open by partition {" + partition + "=");
      assertThat(reader.values()).as("only what precedes the open transaction").hasSize(1);
      assertThat(quiescence.openTransactionsSeen()).containsExactly(partition);

      open.commitTransaction();
      quiescence.await(TIMEOUT);
      assertThat(reader.values())
          .containsExactly("before", "in the open transaction", "after, committed");
    }
  }

  @Test
  void aPartitionTheApplicationCommittedOnCountsWhileNoMemberIsAssignedIt() throws Exception {
    EmbeddedKafka kafka = SharedComponents.kafka();
    String run = UUID.randomUUID().toString().substring(0, 8);
    String topic = "quiescence-" + run;
    String group = "quiescence-app-" + run;
    // Named like a repartition topic of the application, whose task is between threads.
    String stage = group + "-stage-repartition";
    kafka.createTopics(
        List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(stage, 1, (short) 1)));
    TopicPartition staged = new TopicPartition(stage, 0);

    try (KafkaProducer<String, String> producer = transactional(kafka, "stage-" + run);
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(stage, "k", "consumed before"));
      producer.send(new ProducerRecord<>(topic, "k", "input"));
      producer.commitTransaction();
      // Before the reader joins: the application had read the staged partition to its end.
      admin
          .alterConsumerGroupOffsets(group, Map.of(staged, new OffsetAndMetadata(2)))
          .all()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

      try (CommittingReader reader = new CommittingReader(kafka, group, topic);
          StreamsQuiescence quiescence =
              new StreamsQuiescence(kafka.bootstrapServers(), group, List.of(topic))) {
        quiescence.await(TIMEOUT);
        assertThat(reader.values()).containsExactly("input");

        producer.beginTransaction();
        producer.send(new ProducerRecord<>(stage, "k", "not consumed: no member has it"));
        producer.commitTransaction();

        assertThatThrownBy(() -> quiescence.await(WHILE_OPEN))
            .isInstanceOf(TimeoutException.class)
            .hasMessageContaining("records behind by partition {" + staged + "=");
      }
    }
  }

  private static KafkaProducer<String, String> transactional(EmbeddedKafka kafka, String id) {
    KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                id),
            new StringSerializer(),
            new StringSerializer());
    producer.initTransactions();
    return producer;
  }

  /** A read-committed group member that commits what it has read after every poll. */
  private static final class CommittingReader implements AutoCloseable {

    private final List<String> values = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    CommittingReader(EmbeddedKafka kafka, String group, String topic) {
      Map<String, Object> settings =
          Map.of(
              ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
              kafka.bootstrapServers(),
              ConsumerConfig.GROUP_ID_CONFIG,
              group,
              ConsumerConfig.ISOLATION_LEVEL_CONFIG,
              "read_committed",
              ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
              "earliest",
              ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
              false);
      this.thread =
          new Thread(
              () -> {
                try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(
                        settings, new StringDeserializer(), new StringDeserializer())) {
                  consumer.subscribe(List.of(topic));
                  while (running.get()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(r -> values.add(r.value()));
                    consumer.commitSync();
                  }
                }
              },
              "quiescence-reader");
      thread.start();
    }

    List<String> values() {
      return List.copyOf(values);
    }

    @Override
    public void close() {
      running.set(false);
      try {
        thread.join(TIMEOUT.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
