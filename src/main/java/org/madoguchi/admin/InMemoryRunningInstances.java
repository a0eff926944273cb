package org.madoguchi.admin;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;

/**
 * Running instances read from the in-memory engine's event log: an instance runs from its process
 * element's activation until it completes or is terminated, on the definition it was last activated or
 * migrated to.
 */
class InMemoryRunningInstances implements RunningInstances {

  private static final Set<Intent> ON_DEFINITION = Set.of(ProcessInstanceIntent.ELEMENT_ACTIVATED, ProcessInstanceIntent.ELEMENT_MIGRATED);
  private static final Set<Intent> ENDED = Set.of(ProcessInstanceIntent.ELEMENT_COMPLETED, ProcessInstanceIntent.ELEMENT_TERMINATED);

  private final InMemoryZeebe engine;

  InMemoryRunningInstances(InMemoryZeebe engine) {
    this.engine = engine;
  }

  @Override
  public Map<Long, List<Long>> byVersion(Collection<Long> processDefinitionKeys) {
    Map<Long, Long> definitionOfRunning = new LinkedHashMap<>();
    for (Record<?> record : engine.records()) {
      if (record.getValueType() != ValueType.PROCESS_INSTANCE || record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      ProcessInstanceRecordValue value = (ProcessInstanceRecordValue) record.getValue();
      if (value.getBpmnElementType() != BpmnElementType.PROCESS) {
        continue;
      }
      if (ON_DEFINITION.contains(record.getIntent())) {
        definitionOfRunning.put(value.getProcessInstanceKey(), value.getProcessDefinitionKey());
      } else if (ENDED.contains(record.getIntent())) {
        definitionOfRunning.remove(value.getProcessInstanceKey());
      }
    }
    Map<Long, List<Long>> byVersion = new LinkedHashMap<>();
    processDefinitionKeys.forEach(key -> byVersion.put(key, new ArrayList<>()));
    definitionOfRunning.forEach((instance, definition) -> {
      List<Long> instances = byVersion.get(definition);
      if (instances != null) {
        instances.add(instance);
      }
    });
    return byVersion;
  }
}
