package org.madoguchi.bench;

import java.time.Duration;

/**
 * The job-worker settings of both phases. The application reads them from application.yml and the
 * Camunda starter's defaults; a {@code -Dcamunda.client...} option changes the application (system
 * properties outrank application.yml) and, through this record, the no-op workers alike.
 */
record WorkerSettings(int executionThreads, int maxJobsActive, boolean streamEnabled, Duration pollInterval, Duration timeout) {

  static WorkerSettings fromSystemProperties() {
    return new WorkerSettings(
        Integer.parseInt(System.getProperty("camunda.client.execution-threads", "1")), // starter default
        Integer.parseInt(System.getProperty("camunda.client.worker.defaults.max-jobs-active", "32")), // application.yml
        Boolean.parseBoolean(System.getProperty("camunda.client.worker.defaults.stream-enabled", "true")), // application.yml
        Duration.parse(System.getProperty("camunda.client.worker.defaults.poll-interval", "PT0.1S")), // starter default
        Duration.parse(System.getProperty("camunda.client.worker.defaults.timeout", "PT5M"))); // starter default
  }

  @Override
  public String toString() {
    return "execution-threads " + executionThreads + ", max-jobs-active " + maxJobsActive + ", stream-enabled "
        + streamEnabled + ", poll-interval " + pollInterval + ", timeout " + timeout;
  }
}
