package org.madoguchi.cases;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code case.close}: closes the case after every dataset is settled. */
@Component
public class CloseCaseWorker {

  private final CaseEndings endings;

  CloseCaseWorker(CaseEndings endings) {
    this.endings = endings;
  }

  @JobWorker(type = "case.close", fetchVariables = {"caseId"})
  public void close(@Variable long caseId) {
    endings.close(caseId);
  }
}
