package org.madoguchi.cases;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.decline}: ends the case as declined and tells the applicant why. */
@Component
public class DeclineCaseWorker {

  private final CaseEndings endings;

  DeclineCaseWorker(CaseEndings endings) {
    this.endings = endings;
  }

  @JobWorker(type = "case.decline", fetchVariables = {"caseId", "declineReason"})
  public void decline(@Variable long caseId, @Variable String declineReason) {
    endings.decline(caseId, declineReason);
  }
}
