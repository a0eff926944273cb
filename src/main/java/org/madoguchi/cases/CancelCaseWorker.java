package org.madoguchi.cases;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.cancel}: ends a cancelled case and releases what it held. */
@Component
public class CancelCaseWorker {

  private final CaseEndings endings;

  CancelCaseWorker(CaseEndings endings) {
    this.endings = endings;
  }

  @JobWorker(type = "case.cancel", fetchVariables = {"caseId"})
  public void cancel(@Variable long caseId) {
    endings.cancel(caseId);
  }
}
