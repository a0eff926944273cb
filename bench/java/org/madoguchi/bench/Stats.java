package org.madoguchi.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by nearest rank over whole milliseconds (the engine's record timestamps are in ms). */
record Stats(int count, double p50, double p99, double mean, double max) {

  static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  static Stats of(Collection<Long> values) {
    if (values.isEmpty()) {
      return EMPTY;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Stats(
        sorted.length,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        Arrays.stream(sorted).average().orElse(Double.NaN),
        sorted[sorted.length - 1]);
  }

  static double percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
