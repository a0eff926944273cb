package org.madoguchi.cases;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.expire}: ends a case whose applicant never answered the information request. */
@Component
public class ExpireCaseWorker {

  private final CaseEndings endings;

  ExpireCaseWorker(CaseEndings endings) {
    this.endings = endings;
  }

  @JobWorker(type = "case.expire", fetchVariables = {"caseId"})
  public void expire(@Variable long caseId) {
    endings.expire(caseId);
  }
}
