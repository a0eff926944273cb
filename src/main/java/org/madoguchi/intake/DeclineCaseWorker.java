package org.madoguchi.intake;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.decline}: ends the case as declined and tells the applicant why. */
@Component
public class DeclineCaseWorker {

  private final CaseOutcomes outcomes;

  DeclineCaseWorker(CaseOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @JobWorker(type = "case.decline", fetchVariables = {"caseId", "declineReason"})
  public void decline(@Variable long caseId, @Variable String declineReason) {
    outcomes.decline(caseId, declineReason);
  }
}
