package org.madoguchi.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.madoguchi.testsupport.EmbeddedZeebe;

/**
 * Plays every person of the journey with zero think time, in both phases alike. One thread tails the
 * engine's record stream (polling every few milliseconds, from where the phase began): it completes
 * staff user tasks as soon as they are created, hands applicant steps to a small pool (the applicant
 * acts when the instance waits for them), and takes the timings from the records: each job's CREATED
 * and COMPLETED record, and each case's CloseCase completion.
 */
final class Robot implements AutoCloseable {

  /** The applicant's two steps; the no-op phase publishes the messages, the real phase calls the REST API. */
  interface Applicant {
    void acceptStatement(CaseState c) throws Exception;

    void deposit(CaseState c, long datasetId) throws Exception;
  }

  /** One automated step: a job from creation to completion (or to its BPMN error), in engine time. */
  static final class JobSample {
    final String type;
    final long rootInstanceKey;
    final long createdAtMillis;
    long endedAtMillis = -1;
    boolean bpmnError;

    JobSample(String type, long rootInstanceKey, long createdAtMillis) {
      this.type = type;
      this.rootInstanceKey = rootInstanceKey;
      this.createdAtMillis = createdAtMillis;
    }

    long latencyMillis() {
      return endedAtMillis - createdAtMillis;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final EmbeddedZeebe zeebe;
  private final Applicant applicant;
  private final Duration poll;
  private final ExecutorService actions;
  private final Thread thread;
  private volatile boolean running = true;
  private int cursor;

  private final ConcurrentMap<String, CaseState> cases = new ConcurrentHashMap<>();
  // robot thread only (read by others after close())
  private final Map<Long, Long> parentOf = new HashMap<>();
  private final Map<Long, CaseState> caseByRoot = new HashMap<>();
  private final Map<Long, Long> datasetIdByScope = new HashMap<>();
  private final Map<Long, JobSample> jobs = new LinkedHashMap<>();
  private final Map<String, AtomicInteger> jobFailures = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private final AtomicInteger jobTimeouts = new AtomicInteger();
  private final Map<String, Integer> recordCounts = new java.util.TreeMap<>();
  private volatile long cpuNanos;

  Robot(EmbeddedZeebe zeebe, Applicant applicant, Duration poll, int applicantThreads) {
    this.zeebe = zeebe;
    this.applicant = applicant;
    this.poll = poll;
    this.actions = Executors.newFixedThreadPool(applicantThreads, r -> daemon(r, "bench-applicant"));
    this.cursor = records().size(); // this phase only
    this.thread = daemon(this::loop, "bench-robot");
    thread.start();
  }

  /** The launcher's side of a case; actions that waited for it run now. */
  CaseState register(String caseNumber, Object applicantHandle, long submittedAtMillis, boolean measured) {
    CaseState c = cases.computeIfAbsent(caseNumber, CaseState::new);
    c.register(applicantHandle, submittedAtMillis, measured).forEach(actions::execute);
    return c;
  }

  Map<Long, JobSample> jobs() {
    return jobs;
  }

  Map<String, AtomicInteger> jobFailures() {
    return jobFailures;
  }

  int jobTimeouts() {
    return jobTimeouts.get();
  }

  /** How many records of each value type and record type the engine wrote during the phase. */
  Map<String, Integer> recordCounts() {
    return recordCounts;
  }

  /** CPU time the robot's thread used (known after close()). */
  double cpuSeconds() {
    return cpuNanos / 1e9;
  }

  List<String> problems() {
    return problems;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
    actions.shutdownNow();
    actions.awaitTermination(10, TimeUnit.SECONDS);
  }

  private void loop() {
    while (running) {
      try {
        List<Record<?>> records = records();
        int end = records.size();
        while (cursor < end) {
          Record<?> r = records.get(cursor++);
          recordCounts.merge(r.getValueType().name() + " " + r.getRecordType(), 1, Integer::sum);
          if (r.getRecordType() == RecordType.EVENT) {
            handle(r);
          }
        }
      } catch (RuntimeException e) {
        problems.add("robot: " + e);
        e.printStackTrace();
      }
      LockSupport.parkNanos(poll.toNanos());
    }
    cpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private void handle(Record<?> r) {
    switch (r.getValueType()) {
      case PROCESS_INSTANCE -> onProcessInstance(r, (ProcessInstanceRecordValue) r.getValue());
      case VARIABLE -> onVariable(r, (VariableRecordValue) r.getValue());
      case USER_TASK -> onUserTask(r, (UserTaskRecordValue) r.getValue());
      case JOB -> onJob(r, (JobRecordValue) r.getValue());
      case INCIDENT -> onIncident(r, (IncidentRecordValue) r.getValue());
      default -> {}
    }
  }

  private void onProcessInstance(Record<?> r, ProcessInstanceRecordValue v) {
    if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
      if (v.getBpmnElementType() == BpmnElementType.PROCESS && v.getParentProcessInstanceKey() > 0) {
        parentOf.put(r.getKey(), v.getParentProcessInstanceKey());
      }
      switch (v.getElementId()) {
        case "AwaitStatementResponse" -> caseOf(v.getProcessInstanceKey()).ifPresent(c -> act(c, () -> applicant.acceptStatement(c)));
        case "AwaitDeposit" ->
            caseOf(v.getProcessInstanceKey()).ifPresent(c -> {
              Long datasetId = datasetIdByScope.get(v.getFlowScopeKey());
              if (datasetId == null) {
                c.fail("AwaitDeposit without a datasetId in its scope");
              } else {
                act(c, () -> applicant.deposit(c, datasetId));
              }
            });
        default -> {}
      }
    } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
      if ("CloseCase".equals(v.getElementId())) {
        caseOf(v.getProcessInstanceKey()).ifPresent(c -> {
          c.closedAtMillis = r.getTimestamp();
          c.closedObservedNanos = System.nanoTime();
          c.done.complete(c);
        });
      } else if ("ApplyFeeSchedule".equals(v.getElementId()) && v.getBpmnElementType() == BpmnElementType.BUSINESS_RULE_TASK) {
        caseOf(v.getProcessInstanceKey()).ifPresent(c -> c.feeRuleEvaluations++);
      }
    }
  }

  private void onVariable(Record<?> r, VariableRecordValue v) {
    if (r.getIntent() != VariableIntent.CREATED) {
      return;
    }
    if ("caseNumber".equals(v.getName())
        && "research-support".equals(v.getBpmnProcessId())
        && v.getScopeKey() == v.getProcessInstanceKey()) {
      CaseState c = cases.computeIfAbsent(text(v.getValue()), CaseState::new);
      c.bind(v.getProcessInstanceKey());
      caseByRoot.put(v.getProcessInstanceKey(), c);
    } else if ("datasetId".equals(v.getName())) {
      datasetIdByScope.put(v.getScopeKey(), Long.parseLong(v.getValue().strip()));
    }
  }

  private void onUserTask(Record<?> r, UserTaskRecordValue v) {
    if (r.getIntent() != UserTaskIntent.CREATED) {
      return;
    }
    Optional<CaseState> c = caseOf(v.getProcessInstanceKey());
    if (c.isEmpty()) {
      return; // not a case of this phase
    }
    int attempt = 0;
    if ("Reschedule".equals(v.getElementId())) {
      attempt = c.get().reschedules++;
    }
    Map<String, Object> form = BenchJourney.staffForm(v.getElementId(), attempt);
    if (form == null) {
      c.get().fail("left the journey's path: user task " + v.getElementId());
      return;
    }
    zeebe.completeUserTask(r.getKey(), form);
  }

  private void onJob(Record<?> r, JobRecordValue v) {
    if (r.getIntent() == JobIntent.CREATED) {
      jobs.put(r.getKey(), new JobSample(v.getType(), rootOf(v.getProcessInstanceKey()), r.getTimestamp()));
    } else if (r.getIntent() == JobIntent.COMPLETED || r.getIntent() == JobIntent.ERROR_THROWN) {
      JobSample sample = jobs.get(r.getKey());
      if (sample != null && sample.endedAtMillis < 0) {
        sample.endedAtMillis = r.getTimestamp();
        sample.bpmnError = r.getIntent() == JobIntent.ERROR_THROWN;
      }
    } else if (r.getIntent() == JobIntent.FAILED) {
      jobFailures.computeIfAbsent(v.getType(), t -> new AtomicInteger()).incrementAndGet();
      if (problems.size() < 20) {
        problems.add("job " + v.getType() + " failed (retries left " + v.getRetries() + "): " + v.getErrorMessage());
      }
    } else if (r.getIntent() == JobIntent.TIMED_OUT) {
      jobTimeouts.incrementAndGet();
    }
  }

  private void onIncident(Record<?> r, IncidentRecordValue v) {
    if (r.getIntent() == IncidentIntent.CREATED) {
      String what = "incident at " + v.getElementId() + " (" + v.getErrorType() + "): " + v.getErrorMessage();
      problems.add(what);
      caseOf(v.getProcessInstanceKey()).ifPresent(c -> c.fail(what));
    }
  }

  /** Runs an applicant step on the pool once the launcher has registered the case. */
  private void act(CaseState c, ThrowingRunnable step) {
    Runnable action = () -> {
      try {
        step.run();
      } catch (Exception | AssertionError e) {
        c.fail("applicant step failed: " + e.getMessage());
      }
    };
    if (c.readyOrDefer(action)) {
      actions.execute(action);
    }
  }

  private Optional<CaseState> caseOf(long processInstanceKey) {
    return Optional.ofNullable(caseByRoot.get(rootOf(processInstanceKey)));
  }

  private long rootOf(long processInstanceKey) {
    long key = processInstanceKey;
    Long parent;
    while ((parent = parentOf.get(key)) != null) {
      key = parent;
    }
    return key;
  }

  @SuppressWarnings("unchecked")
  private List<Record<?>> records() {
    // zeebe-process-test keeps the stream in one growing list (an unmodifiable view): read it by index.
    // Only this thread (and the constructor) asks for it during a phase.
    return (List<Record<?>>) (List<?>) zeebe.records();
  }

  private static String text(String json) {
    try {
      return JSON.readValue(json, String.class);
    } catch (Exception e) {
      return json;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
