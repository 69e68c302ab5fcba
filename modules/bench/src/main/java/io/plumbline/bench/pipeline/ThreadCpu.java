package io.plumbline.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of the process and of the threads whose whole name matches a pattern (such as the
 * reconciler's stream threads): work counted, not wall-clock time, so a figure that stays
 * meaningful on a machine shared with other jobs.
 */
final class ThreadCpu {

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Pattern names;

  ThreadCpu(Pattern names) {
    this.names = names;
  }

  /** Kafka Streams' stream threads ({@code <client id>-StreamThread-<n>}), not their clients'. */
  static ThreadCpu streamThreads() {
    return new ThreadCpu(Pattern.compile(".*-StreamThread-[0-9]+"));
  }

  /** CPU nanoseconds used so far by each live matching thread, by thread id. */
  Map<Long, Long> snapshot() {
    Map<Long, Long> out = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && names.matcher(info.getThreadName()).matches()) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu >= 0) {
          out.put(info.getThreadId(), cpu);
        }
      }
    }
    return out;
  }

  /** CPU nanoseconds the matching threads used since {@code before} (threads alive in both). */
  long nanosSince(Map<Long, Long> before) {
    long total = 0;
    for (Map.Entry<Long, Long> now : snapshot().entrySet()) {
      total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
    }
    return total;
  }

  /** CPU nanoseconds the whole process used so far, or -1 where the JVM does not say. */
  static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
