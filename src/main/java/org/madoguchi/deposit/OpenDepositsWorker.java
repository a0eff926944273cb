package org.madoguchi.deposit;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code deposit.open}: asks the applicant to deposit the case's datasets; returns their ids. */
@Component
public class OpenDepositsWorker {

  private final DepositWorkflow workflow;

  OpenDepositsWorker(DepositWorkflow workflow) {
    this.workflow = workflow;
  }

  @JobWorker(type = "deposit.open", fetchVariables = {"caseId"})
  public Map<String, Object> open(@Variable long caseId) {
    return Map.of("datasetIds", workflow.open(caseId));
  }
}
