package org.madoguchi.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/**
 * {@code task.open}: the start execution listener of every user task. Runs after the task's input
 * mappings, so it reads the group, due date and priority the task itself is created with.
 */
@Component
public class OpenTaskWorker {

  private final TaskIndex index;
  private final TaskNames names;

  OpenTaskWorker(TaskIndex index, TaskNames names) {
    this.index = index;
    this.names = names;
  }

  @JobWorker(type = "task.open", fetchVariables = {"caseId", "taskGroup", "taskDue", "taskPriority"})
  public void open(
      ActivatedJob job,
      @Variable Long caseId,
      @Variable String taskGroup,
      @Variable String taskDue,
      @Variable Integer taskPriority) {
    if (caseId == null || taskPriority == null) {
      throw new IllegalArgumentException("a user task needs caseId and taskPriority; element " + job.getElementId());
    }
    index.opened(new OpenedTask(
        job.getElementInstanceKey(),
        job.getProcessInstanceKey(),
        caseId,
        job.getBpmnProcessId(),
        job.getElementId(),
        names.of(job.getBpmnProcessId(), job.getElementId()),
        taskGroup,
        OpenedTask.parseDue(taskDue),
        taskPriority));
  }
}
