package org.madoguchi.tasks;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code task.close}: the end execution listener of every user task, run once the task is completed. */
@Component
public class CloseTaskWorker {

  private final TaskIndex index;

  CloseTaskWorker(TaskIndex index) {
    this.index = index;
  }

  // Names one small variable, so the job does not carry all of the instance's variables.
  @JobWorker(type = "task.close", fetchVariables = "caseId")
  public void close(ActivatedJob job) {
    index.closed(job.getElementInstanceKey());
  }
}
