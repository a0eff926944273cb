package org.madoguchi.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What to run, from {@code -Dbench.*} system properties (Maven passes {@code -D} options through to the
 * program's JVM: {@code bin/madoguchi bench -Dbench.cases=50}).
 */
record BenchOptions(
    int cases, int inflight, int warmup, Duration poll, Duration caseTimeout, Set<String> phases, Path reportDir) {

  static final String NOOP = "noop";
  static final String REAL = "real";

  static BenchOptions fromSystemProperties() {
    Set<String> phases =
        Arrays.stream(System.getProperty("bench.phases", NOOP + "," + REAL).split(","))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (phases.isEmpty() || !Set.of(NOOP, REAL).containsAll(phases)) {
      throw new IllegalArgumentException("bench.phases must be noop, real or noop,real (was " + phases + ")");
    }
    return new BenchOptions(
        positive("bench.cases", 30),
        positive("bench.inflight", 4),
        atLeastZero("bench.warmup", 5),
        Duration.ofMillis(positive("bench.pollMillis", 5)),
        Duration.ofSeconds(positive("bench.caseTimeoutSeconds", 120)),
        phases,
        Path.of(System.getProperty("bench.reportDir", "target/bench")));
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }

  private static int positive(String name, int fallback) {
    int value = integer(name, fallback);
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 (was " + value + ")");
    }
    return value;
  }

  private static int atLeastZero(String name, int fallback) {
    int value = integer(name, fallback);
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative (was " + value + ")");
    }
    return value;
  }

  private static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number (was " + value + ")");
    }
  }
}
