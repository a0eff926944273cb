package org.madoguchi.bench;

import java.util.List;
import java.util.Map;

/** What one phase measured, over its measured cases only (warm-up cases left out). */
record PhaseResult(
    String name,
    String workers,
    int cases,
    double wallSeconds,
    double cpuSeconds,
    double childCpuSeconds,
    double robotCpuSecondsPerCase,
    Stats caseMillis,
    Stats jobMillis,
    Map<String, Stats> jobMillisByType,
    double jobsPerCase,
    double feeItemsPerCase,
    int reschedules,
    int bpmnErrors,
    Map<String, Integer> jobFailures,
    int jobTimeouts,
    Map<String, Stats> applicantStepMillis,
    double startupSeconds,
    double idleCpuPercent,
    double recordsPerCase,
    Map<String, Integer> records,
    List<String> problems) {

  double casesPerSecond() {
    return cases / wallSeconds;
  }

  /** CPU time of the JVM and MariaDB per measured case. */
  double cpuMillisPerCase() {
    return cpuSeconds * 1000 / cases;
  }

  /** CPU per case minus what the phase burns with no case open (polling workers, robot) over the same time. */
  double cpuMillisPerCaseAboveIdle() {
    double idleSeconds = idleCpuPercent / 100 * Runtime.getRuntime().availableProcessors() * wallSeconds;
    return (cpuSeconds - idleSeconds) * 1000 / cases;
  }

  /** CPU time of the MariaDB server per measured case (zero in the no-op phase, which has none). */
  double dbCpuMillisPerCase() {
    return childCpuSeconds * 1000 / cases;
  }

  /** CPU use over the measured batch, in percent of all cores. */
  double cpuPercent() {
    return 100 * cpuSeconds / wallSeconds / Runtime.getRuntime().availableProcessors();
  }

  int failedJobs() {
    return jobFailures.values().stream().mapToInt(Integer::intValue).sum();
  }
}
