package org.madoguchi.deposit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code deposit.remind}: reminds the applicant of a deposit still awaited, once per timer firing. */
@Component
public class RemindDepositWorker {

  private final DepositWorkflow workflow;

  RemindDepositWorker(DepositWorkflow workflow) {
    this.workflow = workflow;
  }

  @JobWorker(type = "deposit.remind", fetchVariables = {"datasetId"})
  public void remind(ActivatedJob job, @Variable long datasetId) {
    workflow.remind(datasetId, job.getKey());
  }
}
