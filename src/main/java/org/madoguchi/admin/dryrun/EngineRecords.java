package org.madoguchi.admin.dryrun;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessMessageSubscriptionIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessMessageSubscriptionRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * What the engine's record stream says about one journey: its root process instance and every instance
 * it called, the elements passed in order, where it waits (jobs, message subscriptions, timers), its
 * incidents and its variables. A snapshot: read again after each step.
 */
final class EngineRecords {

  /** Elements that only contain others: the journey never waits "at" them. */
  private static final Set<BpmnElementType> CONTAINERS =
      Set.of(
          BpmnElementType.PROCESS, BpmnElementType.SUB_PROCESS, BpmnElementType.EVENT_SUB_PROCESS,
          BpmnElementType.MULTI_INSTANCE_BODY, BpmnElementType.CALL_ACTIVITY);

  record PendingJob(long key, String type, String elementId) {}

  record Subscription(long elementInstanceKey, String elementId, String messageName, String correlationKey) {}

  record WaitingTimer(long key, String targetElementId) {}

  record Incident(String elementId, String message) {}

  private final List<Record<?>> events;
  private final int total;
  private final long rootKey;
  private final Set<Long> tree;

  private EngineRecords(List<Record<?>> events, int total, long rootKey, Set<Long> tree) {
    this.events = events;
    this.total = total;
    this.rootKey = rootKey;
    this.tree = tree;
  }

  static EngineRecords of(Iterable<Record<?>> records, long rootKey) {
    List<Record<?>> events = new ArrayList<>();
    int total = 0;
    Map<Long, Long> parents = new HashMap<>();
    for (Record<?> r : records) {
      total++;
      if (r.getRecordType() != RecordType.EVENT) {
        continue;
      }
      events.add(r);
      if (r.getValue() instanceof ProcessInstanceRecordValue v
          && v.getBpmnElementType() == BpmnElementType.PROCESS
          && v.getParentProcessInstanceKey() > 0) {
        parents.put(r.getKey(), v.getParentProcessInstanceKey());
      }
    }
    Set<Long> tree = new HashSet<>();
    tree.add(rootKey);
    for (Long instance : parents.keySet()) {
      Long up = instance;
      while (up != null && up != rootKey) {
        up = parents.get(up);
      }
      if (up != null) {
        tree.add(instance);
      }
    }
    return new EngineRecords(events, total, rootKey, tree);
  }

  /** How many records the engine has written in all: a change means the engine made progress. */
  int size() {
    return total;
  }

  boolean rootEnded() {
    return rootRecord(ProcessInstanceIntent.ELEMENT_COMPLETED) || rootRecord(ProcessInstanceIntent.ELEMENT_TERMINATED);
  }

  boolean rootCompleted() {
    return rootRecord(ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  /** The ids of the elements completed, in order, over the root instance and the instances it called. */
  List<String> passed() {
    List<String> passed = new ArrayList<>();
    for (Record<?> r : events) {
      if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && r.getValue() instanceof ProcessInstanceRecordValue v
          && contains(v.getProcessInstanceKey())
          && v.getBpmnElementType() != BpmnElementType.PROCESS
          && v.getBpmnElementType() != BpmnElementType.MULTI_INSTANCE_BODY) {
        passed.add(v.getElementId());
      }
    }
    return passed;
  }

  /** The elements started and not yet ended (containers aside), oldest first: where the journey waits. */
  List<String> waitingAt() {
    Map<Long, String> active = new LinkedHashMap<>();
    for (Record<?> r : events) {
      if (r.getValue() instanceof ProcessInstanceRecordValue v
          && contains(v.getProcessInstanceKey())
          && !CONTAINERS.contains(v.getBpmnElementType())) {
        if (r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
          active.put(r.getKey(), v.getElementId());
        } else if (r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            || r.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
          active.remove(r.getKey());
        }
      }
    }
    return active.values().stream().distinct().toList();
  }

  /** Jobs created for the journey and not completed, cancelled or thrown yet. */
  List<PendingJob> pendingJobs() {
    return stillOpen(
        JobRecordValue.class, JobRecordValue::getProcessInstanceKey, JobIntent.CREATED,
        Set.of(JobIntent.COMPLETED, JobIntent.CANCELED, JobIntent.ERROR_THROWN), (r, v) -> r.getKey(),
        (r, v) -> new PendingJob(r.getKey(), v.getType(), v.getElementId()));
  }

  /** Message subscriptions of the journey's elements that wait for their message. */
  List<Subscription> openSubscriptions() {
    return stillOpen(
        ProcessMessageSubscriptionRecordValue.class, ProcessMessageSubscriptionRecordValue::getProcessInstanceKey,
        ProcessMessageSubscriptionIntent.CREATED,
        Set.of(ProcessMessageSubscriptionIntent.CORRELATED, ProcessMessageSubscriptionIntent.DELETED),
        (r, v) -> v.getElementInstanceKey() + "/" + v.getMessageName(),
        (r, v) -> new Subscription(v.getElementInstanceKey(), v.getElementId(), v.getMessageName(), v.getCorrelationKey()));
  }

  List<WaitingTimer> waitingTimers() {
    return stillOpen(
        TimerRecordValue.class, TimerRecordValue::getProcessInstanceKey, TimerIntent.CREATED,
        Set.of(TimerIntent.TRIGGERED, TimerIntent.CANCELED), (r, v) -> r.getKey(),
        (r, v) -> new WaitingTimer(r.getKey(), v.getTargetElementId()));
  }

  Optional<Incident> openIncident() {
    return stillOpen(
            IncidentRecordValue.class, IncidentRecordValue::getProcessInstanceKey, IncidentIntent.CREATED,
            Set.of(IncidentIntent.RESOLVED), (r, v) -> r.getKey(), (r, v) -> new Incident(v.getElementId(), v.getErrorMessage()))
        .stream()
        .findFirst();
  }

  /** What the journey's records of one kind opened ({@code opened}) and did not close yet, oldest first. */
  private <V, T> List<T> stillOpen(
      Class<V> kind, ToLongFunction<V> instance, Intent opened, Set<? extends Intent> closed,
      BiFunction<Record<?>, V, Object> identity, BiFunction<Record<?>, V, T> item) {
    Map<Object, T> open = new LinkedHashMap<>();
    for (Record<?> r : events) {
      if (!kind.isInstance(r.getValue())) {
        continue;
      }
      V value = kind.cast(r.getValue());
      if (!contains(instance.applyAsLong(value))) {
        continue;
      }
      if (r.getIntent() == opened) {
        open.put(identity.apply(r, value), item.apply(r, value));
      } else if (closed.contains(r.getIntent())) {
        open.remove(identity.apply(r, value));
      }
    }
    return List.copyOf(open.values());
  }

  /**
   * The value (as JSON) of a variable as an element instance sees it: its own scope first, then each
   * enclosing scope up to its process instance.
   */
  Optional<String> variable(long elementInstanceKey, String name) {
    Map<Long, Long> flowScopes = new HashMap<>();
    Map<Long, String> values = new HashMap<>();
    for (Record<?> r : events) {
      if (r.getValue() instanceof ProcessInstanceRecordValue v && r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATING) {
        flowScopes.put(r.getKey(), v.getFlowScopeKey());
      } else if (r.getValue() instanceof VariableRecordValue v && v.getName().equals(name)) {
        values.put(v.getScopeKey(), v.getValue());
      }
    }
    for (Long scope = elementInstanceKey; scope != null && scope > 0; scope = flowScopes.get(scope)) {
      if (values.containsKey(scope)) {
        return Optional.of(values.get(scope));
      }
    }
    return Optional.empty();
  }

  private boolean rootRecord(ProcessInstanceIntent intent) {
    return events.stream()
        .anyMatch(r -> r.getKey() == rootKey
            && r.getIntent() == intent
            && r.getValue() instanceof ProcessInstanceRecordValue v
            && v.getBpmnElementType() == BpmnElementType.PROCESS);
  }

  /** Whether a process instance is the journey's root or one it called. */
  boolean contains(long processInstanceKey) {
    return tree.contains(processInstanceKey);
  }
}
