package org.madoguchi.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.close}: closes the case after every dataset is settled. */
@Component
public class CloseCaseWorker {

  private final CaseOutcomes outcomes;

  CloseCaseWorker(CaseOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = "case.close", fetchVariables = {"caseId"})
  public void close(@Variable long caseId) {
    outcomes.close(caseId);
  }
}
