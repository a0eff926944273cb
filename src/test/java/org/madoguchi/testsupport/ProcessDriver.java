package org.madoguchi.testsupport;

import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;

/**
 * Drives and observes process instances on the embedded engine the way staff and time would:
 * waits for a user task, completes it, moves the clock, and tells where an instance has been.
 * Child instances (call activities) are attributed to their root instance.
 */
public final class ProcessDriver {

  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final EmbeddedZeebe zeebe;

  public ProcessDriver(EmbeddedZeebe zeebe) {
    this.zeebe = zeebe;
  }

  public static ProcessDriver onEmbeddedEngine() {
    return new ProcessDriver(EmbeddedZeebe.start());
  }

  /** Waits for an open user task with this element id in the instance tree of {@code rootKey}. */
  public OpenUserTask awaitUserTask(long rootKey, String elementId) {
    return await("user task " + elementId)
        .atMost(TIMEOUT)
        .until(() -> openUserTasks(rootKey, elementId), tasks -> !tasks.isEmpty())
        .getFirst();
  }

  /** Waits until exactly {@code count} such tasks are open (parallel multi-instance). */
  public List<OpenUserTask> awaitUserTasks(long rootKey, String elementId, int count) {
    return await(count + " user tasks " + elementId)
        .atMost(TIMEOUT)
        .until(() -> openUserTasks(rootKey, elementId), tasks -> tasks.size() == count);
  }

  public List<OpenUserTask> openUserTasks(long rootKey, String elementId) {
    Map<Long, Long> parents = parents();
    return zeebe.openUserTasks().stream()
        .filter(t -> t.elementId().equals(elementId) && rootOf(t.processInstanceKey(), parents) == rootKey)
        .toList();
  }

  public void complete(OpenUserTask task, Map<String, Object> variables) {
    zeebe.completeUserTask(task.key(), variables);
    await("completion of " + task.elementId())
        .atMost(TIMEOUT)
        .until(() -> zeebe.openUserTasks().stream().noneMatch(t -> t.key() == task.key()));
  }

  /** Completes the one open task with this element id in the instance tree. */
  public void complete(long rootKey, String elementId, Map<String, Object> variables) {
    complete(awaitUserTask(rootKey, elementId), variables);
  }

  public void awaitPassed(long rootKey, String elementId) {
    await(elementId + " completed").atMost(TIMEOUT).until(() -> hasPassed(rootKey, elementId));
  }

  public void awaitActive(long rootKey, String elementId) {
    await(elementId + " active").atMost(TIMEOUT).until(() -> isActive(rootKey, elementId));
  }

  public void awaitInstanceEnded(long rootKey) {
    await("instance " + rootKey + " ended").atMost(TIMEOUT).until(() -> hasEnded(rootKey));
  }

  /** Whether an element (task, event, gateway) of the instance tree completed at least once. */
  public boolean hasPassed(long rootKey, String elementId) {
    return count(rootKey, elementId, ProcessInstanceIntent.ELEMENT_COMPLETED) > 0;
  }

  public long timesPassed(long rootKey, String elementId) {
    return count(rootKey, elementId, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  public boolean isActive(long rootKey, String elementId) {
    return count(rootKey, elementId, ProcessInstanceIntent.ELEMENT_ACTIVATED)
        > count(rootKey, elementId, ProcessInstanceIntent.ELEMENT_COMPLETED)
            + count(rootKey, elementId, ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  /** True once the root process instance completed or was terminated. */
  public boolean hasEnded(long rootKey) {
    return processInstanceRecords()
        .anyMatch(r -> r.getKey() == rootKey
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
            && (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED));
  }

  public boolean completed(long rootKey) {
    return processInstanceRecords()
        .anyMatch(r -> r.getKey() == rootKey
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  /**
   * The engine's time as its latest record tells it. Tests move it forward ({@link #advanceTime}), so on
   * the suite's shared engine it can be days ahead of the application's clock: a timer set for a date must
   * lie after it.
   */
  public Instant now() {
    long latest = 0;
    for (Record<?> record : zeebe.records()) {
      latest = Math.max(latest, record.getTimestamp());
    }
    return Instant.ofEpochMilli(latest);
  }

  /** Moves engine time forward, e.g. past a reminder cycle or a timeout. */
  public void advanceTime(Duration duration) {
    zeebe.increaseTime(duration);
  }

  /** The root process instance a (possibly called) instance belongs to. */
  public long rootInstance(long processInstanceKey) {
    return rootOf(processInstanceKey, parents());
  }

  public Optional<Long> childInstance(long rootKey, String bpmnProcessId) {
    Map<Long, Long> parents = parents();
    return processInstanceRecords()
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
            && r.getValue().getBpmnProcessId().equals(bpmnProcessId)
            && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
            && rootOf(r.getKey(), parents) == rootKey)
        .map(Record::getKey)
        .findFirst();
  }

  /** The latest value (as JSON) the variable took in the root instance or its children, if it was ever set. */
  public Optional<String> latestVariable(long rootKey, String name) {
    Map<Long, Long> parents = parents();
    return StreamSupport.stream(zeebe.records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getRecordType() == io.camunda.zeebe.protocol.record.RecordType.EVENT)
        .map(r -> (VariableRecordValue) r.getValue())
        .filter(v -> v.getName().equals(name) && rootOf(v.getProcessInstanceKey(), parents) == rootKey)
        .map(VariableRecordValue::getValue)
        .reduce((first, second) -> second);
  }

  private long count(long rootKey, String elementId, ProcessInstanceIntent intent) {
    Map<Long, Long> parents = parents();
    return processInstanceRecords()
        .filter(r -> r.getIntent() == intent
            && r.getValue().getElementId().equals(elementId)
            && rootOf(r.getValue().getProcessInstanceKey(), parents) == rootKey)
        .count();
  }

  private Map<Long, Long> parents() {
    Map<Long, Long> parents = new HashMap<>();
    processInstanceRecords()
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS
            && r.getValue().getParentProcessInstanceKey() > 0)
        .forEach(r -> parents.put(r.getKey(), r.getValue().getParentProcessInstanceKey()));
    return parents;
  }

  private static long rootOf(long processInstanceKey, Map<Long, Long> parents) {
    long key = processInstanceKey;
    while (parents.containsKey(key)) {
      key = parents.get(key);
    }
    return key;
  }

  @SuppressWarnings("unchecked")
  private java.util.stream.Stream<Record<ProcessInstanceRecordValue>> processInstanceRecords() {
    return StreamSupport.stream(zeebe.records().spliterator(), false)
        .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE
            && r.getRecordType() == io.camunda.zeebe.protocol.record.RecordType.EVENT)
        .map(r -> (Record<ProcessInstanceRecordValue>) r);
  }
}
