package org.madoguchi.admin.dryrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ActivateJobsCommandStep1.ActivateJobsCommandStep3;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.madoguchi.admin.DryRuns.JourneyResult;
import org.madoguchi.admin.dryrun.EngineRecords.PendingJob;
import org.madoguchi.admin.dryrun.EngineRecords.Subscription;
import org.madoguchi.admin.dryrun.EngineRecords.WaitingTimer;
import org.madoguchi.admin.dryrun.JourneyBook.MessageStep;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;

/**
 * Runs one smoke journey on a dry-run engine, acting for everyone the process waits for: the workers
 * (each a stand-in that checks the variables the real worker fetches and answers with its outputs),
 * staff in their user tasks, the applicant's messages at the receive tasks, and time at the timers the
 * journey names. It stops at the first element where the model breaks Madoguchi's contract, or where
 * the engine makes no progress for a while.
 */
final class JourneyDriver {

  /** Steps a journey may take: far above the longest smoke journey, low enough to end a model that loops. */
  static final int MAX_STEPS = 400;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(25);
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(1);
  private static final Duration ACTIVATION_WAIT = Duration.ofMillis(500);

  /** Why a journey stopped at an element. */
  private record Stop(String elementId, String problem) {}

  private final InMemoryZeebe engine;
  private final CamundaClient client;
  private final Map<String, List<String>> workerReads;
  private final DryRunTexts texts;
  private final Duration stallTimeout;
  private final Duration journeyTimeout;

  /**
   * @param workerReads per job type with a worker in the application, the variables it fetches
   */
  JourneyDriver(
      InMemoryZeebe engine, CamundaClient client, Map<String, List<String>> workerReads, DryRunTexts texts,
      Duration stallTimeout, Duration journeyTimeout) {
    this.engine = engine;
    this.client = client;
    this.workerReads = workerReads;
    this.texts = texts;
    this.stallTimeout = stallTimeout;
    this.journeyTimeout = journeyTimeout;
  }

  JourneyResult run(JourneyPlan plan) {
    long root;
    try {
      root = client.newCreateInstanceCommand().bpmnProcessId(plan.process()).latestVersion()
          .variables(plan.startVariables()).send().join().getProcessInstanceKey();
    } catch (ClientException e) {
      return new JourneyResult(plan.name(), false, List.of(), plan.process(), texts.get("start-refused", plan.process(), engineMessage(e)));
    }
    try {
      return drive(plan, root);
    } finally {
      cancelIfRunning(root);
    }
  }

  private JourneyResult drive(JourneyPlan plan, long root) {
    Set<Long> handled = new HashSet<>();
    Map<String, Integer> visits = new HashMap<>();
    int steps = 0;
    int seenRecords = -1;
    long started = System.nanoTime();
    long quietSince = started;
    while (true) {
      EngineRecords now = EngineRecords.of(engine.records(), root);
      if (now.rootEnded()) {
        return ended(plan, now);
      }
      Optional<Stop> stop = now.openIncident().map(i -> new Stop(i.elementId(), texts.get("incident", i.message())));
      boolean acted = false;
      try {
        for (PendingJob job : now.pendingJobs()) {
          if (stop.isEmpty() && !handled.contains(job.key())) {
            int answered = handled.size();
            stop = work(job, plan, handled);
            acted |= handled.size() > answered;
          }
        }
        for (OpenUserTask task : openUserTasks(now)) {
          if (stop.isEmpty() && handled.add(task.key())) {
            stop = complete(task, plan, visits);
            acted = true;
          }
        }
        for (Subscription subscription : now.openSubscriptions()) {
          MessageStep step = plan.messages().get(subscription.elementId());
          if (stop.isEmpty() && step != null && handled.add(subscription.elementInstanceKey())) {
            stop = publish(subscription, step, now, plan);
            acted = true;
          }
        }
        for (WaitingTimer timer : now.waitingTimers()) {
          Duration move = plan.clock().get(timer.targetElementId());
          if (stop.isEmpty() && move != null && handled.add(timer.key())) {
            engine.increaseTime(move);
            acted = true;
          }
        }
      } catch (ClientException e) {
        stop = Optional.of(new Stop(first(now.waitingAt()), texts.get("engine-error", engineMessage(e))));
      }
      if (stop.isPresent()) {
        return stopped(plan, EngineRecords.of(engine.records(), root), stop.get());
      }
      if (acted && ++steps > MAX_STEPS) {
        return stopped(plan, now, new Stop(first(now.waitingAt()), texts.get("too-many-steps", MAX_STEPS)));
      }
      long tick = System.nanoTime();
      if (acted || now.size() != seenRecords) {
        seenRecords = now.size();
        quietSince = tick;
      } else if (Duration.ofNanos(tick - quietSince).compareTo(stallTimeout) > 0) {
        return stopped(plan, now, new Stop(first(now.waitingAt()), texts.get("stalled", stallTimeout.toSeconds())));
      }
      if (Duration.ofNanos(tick - started).compareTo(journeyTimeout) > 0) {
        return stopped(plan, now, new Stop(first(now.waitingAt()), texts.get("too-long", journeyTimeout.toSeconds())));
      }
      pause();
    }
  }

  /** Activates the pending jobs of the job's type as its worker would, checks what they read, answers them. */
  private Optional<Stop> work(PendingJob pending, JourneyPlan plan, Set<Long> handled) {
    List<String> reads = workerReads.get(pending.type());
    if (reads == null) {
      return Optional.of(new Stop(pending.elementId(), texts.get("no-worker", pending.type())));
    }
    Map<String, Object> outputs = plan.outputs().get(pending.type());
    if (outputs == null) {
      return Optional.of(new Stop(pending.elementId(), texts.get("no-outputs", pending.type())));
    }
    ActivateJobsCommandStep3 activate =
        client.newActivateJobsCommand().jobType(pending.type()).maxJobsToActivate(32).timeout(JOB_TIMEOUT);
    if (!reads.isEmpty()) {
      activate = activate.fetchVariables(reads);
    }
    for (ActivatedJob job : activate.requestTimeout(ACTIVATION_WAIT).send().join().getJobs()) {
      Map<String, Object> variables = job.getVariablesAsMap();
      for (String read : reads) {
        if (!variables.containsKey(read)) {
          return Optional.of(new Stop(job.getElementId(), texts.get("missing-variable", pending.type(), read)));
        }
      }
      client.newCompleteCommand(job.getKey()).variables(outputs).send().join();
      handled.add(job.getKey());
    }
    return Optional.empty();
  }

  private Optional<Stop> complete(OpenUserTask task, JourneyPlan plan, Map<String, Integer> visits) {
    int visit = visits.merge(task.elementId(), 1, Integer::sum);
    Optional<Map<String, Object>> values = plan.userTaskValues(task.elementId(), visit);
    if (values.isEmpty()) {
      return Optional.of(new Stop(task.elementId(), texts.get("no-values", task.elementId(), visit)));
    }
    engine.completeUserTask(task.key(), values.get());
    return Optional.empty();
  }

  /** Sends the applicant's message the way Madoguchi does: its name, keyed by the variable's value. */
  private Optional<Stop> publish(Subscription subscription, MessageStep step, EngineRecords now, JourneyPlan plan) {
    String at = subscription.elementId();
    if (!step.name().equals(subscription.messageName())) {
      return Optional.of(new Stop(at, texts.get("message-name", subscription.messageName(), step.name())));
    }
    Optional<String> value = now.variable(subscription.elementInstanceKey(), step.correlationVariable()).map(JourneyDriver::asKey);
    if (value.isEmpty()) {
      return Optional.of(new Stop(at, texts.get("correlation-variable", step.correlationVariable())));
    }
    if (!value.get().equals(subscription.correlationKey())) {
      return Optional.of(
          new Stop(at, texts.get("correlation-key", subscription.correlationKey(), step.correlationVariable(), value.get())));
    }
    client.newPublishMessageCommand().messageName(step.name()).correlationKey(value.get())
        .messageId(plan.name() + ":" + subscription.elementInstanceKey())
        .variables(step.variables() == null ? Map.of() : step.variables())
        .send().join();
    return Optional.empty();
  }

  private JourneyResult ended(JourneyPlan plan, EngineRecords now) {
    List<String> passed = now.passed();
    if (!now.rootCompleted()) {
      return new JourneyResult(plan.name(), false, passed, last(passed), texts.get("terminated"));
    }
    if (!passed.contains(plan.end())) {
      return new JourneyResult(plan.name(), false, passed, last(passed), texts.get("wrong-end", last(passed), plan.end()));
    }
    return new JourneyResult(plan.name(), true, passed, null, null);
  }

  private static JourneyResult stopped(JourneyPlan plan, EngineRecords now, Stop stop) {
    return new JourneyResult(plan.name(), false, now.passed(), stop.elementId(), stop.problem());
  }

  private List<OpenUserTask> openUserTasks(EngineRecords now) {
    return engine.openUserTasks().stream().filter(t -> now.contains(t.processInstanceKey())).toList();
  }

  private void cancelIfRunning(long root) {
    if (!EngineRecords.of(engine.records(), root).rootEnded()) {
      try {
        client.newCancelInstanceCommand(root).send().join();
      } catch (ClientException e) {
        // ended meanwhile; the engine is discarded after the dry run anyway
      }
    }
  }

  /** A variable's JSON as a correlation key: a string as its text, a number (a dataset id) as its digits. */
  private static String asKey(String json) {
    try {
      JsonNode value = JSON.readTree(json);
      return value.isTextual() ? value.textValue() : value.toString();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the engine wrote a variable that is not JSON: " + json, e);
    }
  }

  static String engineMessage(ClientException e) {
    if (e instanceof ClientStatusException status && status.getStatus().getDescription() != null) {
      return status.getStatus().getDescription();
    }
    return e.getMessage();
  }

  private static String first(List<String> elements) {
    return elements.isEmpty() ? null : elements.getFirst();
  }

  private static String last(List<String> elements) {
    return elements.isEmpty() ? null : elements.getLast();
  }

  private static void pause() {
    try {
      Thread.sleep(POLL);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("dry run interrupted", e);
    }
  }
}
