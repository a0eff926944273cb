package org.madoguchi.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.expire}: ends a case whose applicant never answered the information request. */
@Component
public class ExpireCaseWorker {

  private final CaseOutcomes outcomes;

  ExpireCaseWorker(CaseOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = "case.expire", fetchVariables = {"caseId"})
  public void expire(@Variable long caseId) {
    outcomes.expire(caseId);
  }
}
