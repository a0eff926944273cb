package org.madoguchi.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BpmnModelElementInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * Every user task in bpmn/ is in the task index: it has the {@code task.open} and {@code task.close}
 * listeners, and its group, due date and priority come from the variables the listener reads, so the
 * task and the index cannot disagree.
 */
class TaskListenersModelTest {

  @Test
  void everyUserTaskFeedsTheIndexFromTheVariablesItIsCreatedWith() throws IOException {
    List<String> problems = new ArrayList<>();
    int userTasks = 0;
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
          userTasks++;
          String where = file.getFileName() + " '" + task.getId() + "': ";
          List<String> listeners = children(task, ZeebeExecutionListeners.class, ZeebeExecutionListener.class).stream()
              .map(l -> l.getEventType() + ":" + l.getType())
              .toList();
          if (!listeners.containsAll(List.of("start:task.open", "end:task.close"))) {
            problems.add(where + "listeners " + listeners + " lack start:task.open and end:task.close");
          }
          List<String> inputs = children(task, ZeebeIoMapping.class, ZeebeInput.class).stream().map(ZeebeInput::getTarget).toList();
          if (!inputs.containsAll(List.of("taskGroup", "taskDue"))) {
            problems.add(where + "input mappings " + inputs + " lack taskGroup and taskDue");
          }
          String groups = task.getSingleExtensionElement(ZeebeAssignmentDefinition.class).getCandidateGroups();
          String due = task.getSingleExtensionElement(ZeebeTaskSchedule.class).getDueDate();
          String priority = task.getSingleExtensionElement(ZeebePriorityDefinition.class).getPriority();
          if (!"=[taskGroup]".equals(groups) || !"=taskDue".equals(due) || !"=taskPriority".equals(priority)) {
            problems.add(where + "candidateGroups=%s dueDate=%s priority=%s, expected =[taskGroup], =taskDue, =taskPriority"
                .formatted(groups, due, priority));
          }
        }
      }
    }
    assertThat(userTasks).as("user tasks in bpmn/ (run from the project root)").isPositive();
    assertThat(problems).isEmpty();
  }

  /** The elements of one kind inside the task's extension element of another kind, e.g. its input mappings. */
  private static <T extends ModelElementInstance> List<T> children(
      UserTask task, Class<? extends BpmnModelElementInstance> container, Class<T> type) {
    BpmnModelElementInstance parent = task.getSingleExtensionElement(container);
    return parent == null ? List.of() : List.copyOf(parent.getChildElementsByType(type));
  }
}
