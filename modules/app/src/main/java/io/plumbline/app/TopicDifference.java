package io.plumbline.app;

/**
 * One way a topic on the cluster differs from its declared layout.
 *
 * @param topic the topic name
 * @param role the topic role (its {@code topic.<role>} setting)
 * @param what what differs: {@code missing}, {@code partitions}, {@code replication.factor} or a
 *     topic config name
 * @param expected the declared value
 * @param actual the value on the cluster ({@code null} for a missing topic)
 * @param fixableByApply whether {@code plumbline topics apply} can change it safely
 */
public record TopicDifference(
    String topic,
    String role,
    String what,
    String expected,
    String actual,
    boolean fixableByApply) {

  /** One line for people: what differs and, when apply cannot fix it, why. */
  public String describe() {
    if (what.equals("missing")) {
      return topic + " (topic." + role + "): missing; expected " + expected;
    }
    String line =
        topic + " (topic." + role + "): " + what + " is " + actual + ", expected " + expected;
    if (fixableByApply) {
      return line;
    }
    return line
        + (what.equals("partitions")
            ? " (not changed by apply: adding partitions moves keys and breaks co-partitioning;"
                + " recreate the topic or change the spec)"
            : " (not changed by apply: reassign replicas with kafka-reassign-partitions)");
  }
}
