package io.plumbline.bench.pipeline;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample (the smallest value with at least p % at or below it). */
public final class Percentiles {

  private final double[] sorted;

  public Percentiles(double[] sample) {
    this.sorted = sample.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  /**
   * @param percent in (0, 100]
   * @return the nearest-rank percentile, or NaN for an empty sample
   */
  public double at(double percent) {
    if (percent <= 0 || percent > 100) {
      throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
    }
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.length);
    return sorted[Math.max(rank, 1) - 1];
  }

  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }
}
