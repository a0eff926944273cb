package org.madoguchi.deposit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code deposit.escalate}: tells the desk that a dataset's deposit is overdue. */
@Component
public class EscalateDepositWorker {

  private final DepositWorkflow workflow;

  EscalateDepositWorker(DepositWorkflow workflow) {
    this.workflow = workflow;
  }

  @JobWorker(type = "deposit.escalate", fetchVariables = {"datasetId"})
  public void escalate(@Variable long datasetId) {
    workflow.escalate(datasetId);
  }
}
