package org.madoguchi.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.cancel}: ends a cancelled case and releases what it held. */
@Component
public class CancelCaseWorker {

  private final CaseOutcomes outcomes;

  CancelCaseWorker(CaseOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = "case.cancel", fetchVariables = {"caseId"})
  public void cancel(@Variable long caseId) {
    outcomes.cancel(caseId);
  }
}
