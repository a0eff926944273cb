package org.madoguchi.admin.templates;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The steps of bpmn/*.bpmn the element templates stand for: elements whose task definition names a job type,
 * Camunda user tasks (one kind per form) and execution listeners.
 */
record ModelledSteps(List<Job> jobs, List<StaffTask> staffTasks, List<Listener> listeners) {

  private static final Path MODELS = Path.of("bpmn");

  /** An element with a job type, e.g. {@code case.register} on {@code bpmn:ServiceTask RegisterCase}. */
  record Job(String jobType, String elementType, String where) {}

  /** A Camunda user task as the model configures it; mappings are local variable -> FEEL source. */
  record StaffTask(
      String formId,
      String where,
      String candidateGroups,
      String dueDate,
      String priority,
      Map<String, String> inputs,
      Map<String, String> outputs,
      Map<String, String> listeners) {}

  /** An execution listener's job type, e.g. {@code task.open} on start of a user task. */
  record Listener(String jobType, String eventType, String where) {}

  static ModelledSteps read() {
    List<Job> jobs = new ArrayList<>();
    List<StaffTask> staffTasks = new ArrayList<>();
    List<Listener> listeners = new ArrayList<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String name = file.getFileName().toString();
        for (ZeebeTaskDefinition definition : model.getModelElementsByType(ZeebeTaskDefinition.class)) {
          BaseElement element = (BaseElement) definition.getParentElement().getParentElement();
          jobs.add(new Job(definition.getType(), bpmnType(element), where(name, element)));
        }
        for (ZeebeExecutionListener listener : model.getModelElementsByType(ZeebeExecutionListener.class)) {
          BaseElement element = (BaseElement) listener.getParentElement().getParentElement().getParentElement();
          listeners.add(new Listener(listener.getType(), listener.getEventType().name(), where(name, element)));
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          staffTasks.add(staffTask(name, task));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + MODELS.toAbsolutePath() + " (run from the project root)", e);
    }
    return new ModelledSteps(jobs, staffTasks, listeners);
  }

  private static StaffTask staffTask(String file, UserTask task) {
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    ZeebeAssignmentDefinition assignment = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = task.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority = task.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeIoMapping mapping = task.getSingleExtensionElement(ZeebeIoMapping.class);
    ZeebeExecutionListeners executionListeners = task.getSingleExtensionElement(ZeebeExecutionListeners.class);
    Map<String, String> listeners = new LinkedHashMap<>();
    if (executionListeners != null) {
      executionListeners.getExecutionListeners().forEach(l -> listeners.put(l.getEventType().name(), l.getType()));
    }
    return new StaffTask(
        form == null ? null : form.getFormId(),
        where(file, task),
        assignment == null ? null : assignment.getCandidateGroups(),
        schedule == null ? null : schedule.getDueDate(),
        priority == null ? null : priority.getPriority(),
        mapping == null ? Map.of() : byTarget(mapping.getInputs()),
        mapping == null ? Map.of() : byTarget(mapping.getOutputs()),
        listeners);
  }

  private static Map<String, String> byTarget(Collection<? extends ZeebeMapping> mappings) {
    Map<String, String> byTarget = new LinkedHashMap<>();
    mappings.forEach(m -> byTarget.put(m.getTarget(), m.getSource()));
    return byTarget;
  }

  /** {@code serviceTask} -> {@code bpmn:ServiceTask}, as element templates name BPMN types. */
  private static String bpmnType(BaseElement element) {
    String type = element.getElementType().getTypeName();
    return "bpmn:" + Character.toUpperCase(type.charAt(0)) + type.substring(1);
  }

  private static String where(String file, BaseElement element) {
    return "%s %s '%s'".formatted(file, element.getElementType().getTypeName(), element.getId());
  }
}
