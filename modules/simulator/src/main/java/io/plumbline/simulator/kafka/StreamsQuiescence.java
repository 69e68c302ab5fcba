package io.plumbline.simulator.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeProducersResult.PartitionProducerState;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Waits until a Kafka Streams application has consumed everything written so far: its committed
 * offsets on every partition it reads (input topics and its own internal source topics: repartition
 * and foreign-key subscription topics) reach their committed ends, twice in a row with the same
 * ends, and no transaction is open on any of them. The partitions it reads are those assigned to
 * its members and those it has committed offsets on: while a stream thread is being replaced its
 * partitions may be assigned to no member for a while, and must still count. Under exactly-once,
 * outputs are committed with the input offsets, so the app's outputs for every record produced
 * before the call are then readable.
 *
 * <p>Why the open transactions: a read-committed end stops at the first open transaction, and the
 * records written after it stay invisible until it ends. So while a transaction is open (one left
 * by a producer the app replaced after a broker outage, say, until the broker aborts it) the
 * offsets can look caught up with records still to come.
 */
public final class StreamsQuiescence implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Admin admin;
  private final String applicationId;
  private final Set<String> required;
  private final Set<TopicPartition> openTransactionsSeen = new HashSet<>();

  /**
   * @param inputTopics topics the application must be assigned before it counts as caught up
   */
  public StreamsQuiescence(
      String bootstrapServers, String applicationId, Collection<String> inputTopics) {
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    this.applicationId = applicationId;
    this.required = Set.copyOf(inputTopics);
  }

  /**
   * Returns once the application has caught up.
   *
   * @throws TimeoutException naming the partitions still behind when {@code timeout} passes
   */
  public void await(Duration timeout)
      throws InterruptedException, TimeoutException, ExecutionException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<TopicPartition, Long> previousEnds = null;
    Map<TopicPartition, Long> behind = Map.of();
    Map<TopicPartition, Long> stillOpen = Map.of();
    while (System.nanoTime() < deadline) {
      // Committed offsets first, ends after: an end read later can only be larger, so offsets
      // that reach it cover every record that existed when they were read.
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, Long> ends;
      try {
        ends = ends(committed.keySet());
      } catch (IllegalStateException rebalancing) {
        // Not (yet, or no longer) fully assigned: wait for the group to settle.
        previousEnds = null;
        TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        continue;
      }
      behind = new HashMap<>();
      for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
        OffsetAndMetadata offset = committed.get(end.getKey());
        long position = offset == null ? 0 : offset.offset();
        if (position < end.getValue()) {
          behind.put(end.getKey(), end.getValue() - position);
        }
      }
      stillOpen = Map.of();
      if (behind.isEmpty() && ends.equals(previousEnds)) {
        stillOpen = openTransactions(ends.keySet());
        if (stillOpen.isEmpty()) {
          return;
        }
        openTransactionsSeen.addAll(stillOpen.keySet());
      }
      previousEnds = behind.isEmpty() ? ends : null;
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
    }
    throw new TimeoutException(
        "application "
            + applicationId
            + " still behind after "
            + timeout
            + ": records behind by partition "
            + behind
            + ", first offset of a transaction still open by partition "
            + stillOpen);
  }

  /**
   * Committed ends of the partitions the application reads: those assigned to its members (input
   * and internal source topics alike) and those it has committed offsets on ({@code committedOn}).
   */
  private Map<TopicPartition, Long> ends(Set<TopicPartition> committedOn)
      throws InterruptedException, ExecutionException {
    Set<TopicPartition> partitions = new HashSet<>();
    ConsumerGroupDescription group;
    try {
      group = admin.describeConsumerGroups(List.of(applicationId)).all().get().get(applicationId);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        // The application (a process of its own, perhaps) has not joined yet.
        throw new IllegalStateException("application " + applicationId + " has no group yet", e);
      }
      throw e;
    }
    for (MemberDescription member : group.members()) {
      partitions.addAll(member.assignment().topicPartitions());
    }
    Set<String> assignedTopics = new HashSet<>();
    partitions.forEach(tp -> assignedTopics.add(tp.topic()));
    if (!assignedTopics.containsAll(required)) {
      throw new IllegalStateException(
          "application " + applicationId + " is not assigned all of " + required);
    }
    partitions.addAll(committedOn);
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }

  /** Partitions on which an await has had to wait for an open transaction, so far. */
  public Set<TopicPartition> openTransactionsSeen() {
    return Set.copyOf(openTransactionsSeen);
  }

  /** The first offset of each transaction still open on the partitions, by partition. */
  private Map<TopicPartition, Long> openTransactions(Set<TopicPartition> partitions)
      throws InterruptedException, ExecutionException {
    Map<TopicPartition, Long> open = new HashMap<>();
    Map<TopicPartition, PartitionProducerState> states =
        admin.describeProducers(partitions).all().get();
    for (Map.Entry<TopicPartition, PartitionProducerState> state : states.entrySet()) {
      for (ProducerState producer : state.getValue().activeProducers()) {
        OptionalLong first = producer.currentTransactionStartOffset();
        if (first.isPresent()) {
          open.merge(state.getKey(), first.getAsLong(), Math::min);
        }
      }
    }
    return open;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }
}
