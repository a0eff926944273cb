package org.madoguchi.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.EvaluatedCondition;
import org.awaitility.core.TimeoutEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.EmbeddedInfrastructure;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A worker whose handler fails on a transient infrastructure error more often than the model allows
 * retries still completes its job, with backoff on every fail command; a business failure keeps the
 * model's retries and ends in an incident. On an engine of its own: on the suite's shared one, whose
 * clock other tests move forward, a job whose backoff had ended waited for an unrelated command.
 */
@MadoguchiIT
@ContextConfiguration(initializers = TransientJobFailureIT.OwnEngine.class)
@DirtiesContext // closed after the class: its outbox relay would send other tests' engine commands to its engine
@Import(TransientJobFailureIT.FlakyWorker.class)
@TestPropertySource(properties = {
    "madoguchi.jobs.transient-retry.first=PT0.1S",
    "madoguchi.jobs.transient-retry.max=PT0.2S",
    "madoguchi.jobs.transient-retry.free-attempts=6"})
class TransientJobFailureIT {

  private static final String PROCESS = "test-flaky-step";
  private static final String NUDGE = "test-backoff-nudge";
  private static final int MODEL_RETRIES = 2;
  private static final Duration PATIENCE = Duration.ofMinutes(1);

  @Autowired CamundaClient client;

  @BeforeAll
  static void deploy(@Autowired CamundaClient client) {
    client.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(PROCESS)
                .startEvent()
                .serviceTask("flaky", task -> task.zeebeJobType("test.flaky").zeebeJobRetries(String.valueOf(MODEL_RETRIES)))
                .endEvent()
                .done(),
            PROCESS + ".bpmn")
        .addProcessModel(
            Bpmn.createExecutableProcess(NUDGE).startEvent().serviceTask("nudge", task -> task.zeebeJobType(NUDGE)).endEvent().done(),
            NUDGE + ".bpmn")
        .send()
        .join();
  }

  @Test
  void transientFailuresBeyondTheModelsRetriesEndInACompletedJobWithBackoff() {
    long instance = start("database", 5);

    await("instance completed").atMost(PATIENCE).conditionEvaluationListener(backoffWatch(instance))
        .until(() -> completed(instance));

    List<JobRecordValue> fails = failed(instance);
    assertThat(fails).hasSize(5).allSatisfy(fail -> {
      assertThat(fail.getRetries()).isEqualTo(MODEL_RETRIES);
      assertThat(fail.getRetryBackoff()).isPositive();
      assertThat(fail.getErrorMessage()).contains("database unreachable");
    });
    assertThat(fails.stream().map(JobRecordValue::getRetryBackoff)).containsExactly(100L, 200L, 200L, 200L, 200L);
    assertThat(incidents(instance)).isEmpty();
  }

  @Test
  void transientFailuresBeyondTheFreeAttemptsCountAgainstTheRetries() {
    long instance = start("database", 100);

    await("incident").atMost(PATIENCE).conditionEvaluationListener(backoffWatch(instance))
        .until(() -> !incidents(instance).isEmpty());

    List<JobRecordValue> fails = failed(instance);
    assertThat(fails).hasSize(6 + MODEL_RETRIES);
    assertThat(fails.getLast().getRetries()).isZero();
    assertThat(fails).allSatisfy(fail -> assertThat(fail.getRetryBackoff()).isPositive());
  }

  @Test
  void aBusinessFailureKeepsTheModelsRetries() {
    long instance = start("business", 100);

    await("incident").atMost(PATIENCE).conditionEvaluationListener(backoffWatch(instance))
        .until(() -> !incidents(instance).isEmpty());

    List<JobRecordValue> fails = failed(instance);
    assertThat(fails).hasSize(MODEL_RETRIES);
    assertThat(fails.stream().map(JobRecordValue::getRetries)).containsExactly(1, 0);
    assertThat(fails).allSatisfy(fail -> assertThat(fail.getRetryBackoff()).isZero());
  }

  private long start(String failure, int failures) {
    return client.newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(Map.of("failure", failure, "failures", failures))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  /**
   * Watches the instance's job while the test waits. Zeebe's backoff checker can lose its schedule when a
   * job fails while the checker runs (DueDateChecker, asynchronous scheduling): the job then stays in
   * backoff until any other job fails with a backoff and so schedules the checker again. On a busy engine
   * that happens soon; on this test's own engine nothing else fails, so the watch fails a job of its own
   * once the flaky job is overdue by a second. On a timeout it prints the job's records.
   */
  private ConditionEvaluationListener<Boolean> backoffWatch(long instance) {
    return new ConditionEvaluationListener<>() {
      @Override
      public void conditionEvaluated(EvaluatedCondition<Boolean> condition) {
        List<Record<?>> jobs = jobRecords(instance);
        if (!jobs.isEmpty() && jobs.getLast().getIntent() == JobIntent.FAILED) {
          JobRecordValue failed = (JobRecordValue) jobs.getLast().getValue();
          long overdueSince = jobs.getLast().getTimestamp() + failed.getRetryBackoff();
          if (failed.getRetries() > 0 && System.currentTimeMillis() - overdueSince > 1_000) {
            System.err.println("Job of instance " + instance + " overdue since " + overdueSince + ": rescheduling the backoff checker");
            rescheduleBackoffChecker();
          }
        }
      }

      @Override
      public void onTimeout(TimeoutEvent timeout) {
        System.err.println("Job records of instance " + instance + " at the timeout:");
        jobRecords(instance).forEach(r -> System.err.printf("  %s %s retries=%d backoff=%d at %d%n", r.getIntent(), r.getKey(),
            ((JobRecordValue) r.getValue()).getRetries(), ((JobRecordValue) r.getValue()).getRetryBackoff(), r.getTimestamp()));
      }
    };
  }

  /** Fails a job of a process of the test's own with a backoff, which schedules the engine's backoff checker. */
  private void rescheduleBackoffChecker() {
    client.newCreateInstanceCommand().bpmnProcessId(NUDGE).latestVersion().send().join();
    client.newActivateJobsCommand().jobType(NUDGE).maxJobsToActivate(1).send().join().getJobs()
        .forEach(job -> client.newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofMillis(10)).send().join());
  }

  private static List<Record<?>> jobRecords(long instance) {
    return records(ValueType.JOB).stream()
        .filter(r -> ((JobRecordValue) r.getValue()).getProcessInstanceKey() == instance)
        .toList();
  }

  private static List<Record<?>> records(ValueType type) {
    return StreamSupport.stream(OwnEngine.ENGINE.records().spliterator(), false)
        .filter(r -> r.getValueType() == type && r.getRecordType() == RecordType.EVENT)
        .toList();
  }

  private static boolean completed(long instance) {
    return records(ValueType.PROCESS_INSTANCE).stream()
        .anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && r.getKey() == instance
            && ((ProcessInstanceRecordValue) r.getValue()).getBpmnElementType() == BpmnElementType.PROCESS);
  }

  private static List<JobRecordValue> failed(long instance) {
    return records(ValueType.JOB).stream()
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .map(r -> (JobRecordValue) r.getValue())
        .filter(job -> job.getProcessInstanceKey() == instance)
        .toList();
  }

  private static List<Record<?>> incidents(long instance) {
    return records(ValueType.INCIDENT).stream()
        .filter(r -> r.getIntent() == IncidentIntent.CREATED
            && ((IncidentRecordValue) r.getValue()).getProcessInstanceKey() == instance)
        .toList();
  }

  /** The suite's infrastructure, but an engine of this test's own. */
  static class OwnEngine extends EmbeddedInfrastructure {

    static final InMemoryZeebe ENGINE = InMemoryZeebe.start();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      super.initialize(context);
      context.getEnvironment().getPropertySources()
          .addFirst(new MapPropertySource("own-engine", Map.of("camunda.client.grpc-address", ENGINE.grpcAddress())));
      context.addApplicationListener((ContextClosedEvent closed) -> ENGINE.close());
    }
  }

  /** Fails {@code failures} times per instance, transiently ("database") or not, then succeeds. */
  public static class FlakyWorker {

    private final Map<Long, Integer> attempts = new ConcurrentHashMap<>();

    // Short polls, not streaming nor a long poll: on the embedded engine a job whose backoff ended was
    // handed out only once some other command reached the engine, and a poll every second is one.
    @JobWorker(type = "test.flaky", fetchVariables = {"failure", "failures"}, streamEnabled = false,
        requestTimeout = 1, pollInterval = 100)
    public Map<String, Object> run(
        io.camunda.client.api.response.ActivatedJob job, @Variable String failure, @Variable int failures) {
      int attempt = attempts.merge(job.getProcessInstanceKey(), 1, Integer::sum);
      if (attempt <= failures) {
        throw "database".equals(failure)
            ? new CannotCreateTransactionException("database unreachable")
            : new IllegalStateException("no such unit");
      }
      return Map.of();
    }
  }
}
