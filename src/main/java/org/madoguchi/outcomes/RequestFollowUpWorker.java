package org.madoguchi.outcomes;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code outcomes.request-follow-up}: invites the applicant to report outcomes after the support. */
@Component
public class RequestFollowUpWorker {

  private final OutcomeService service;

  RequestFollowUpWorker(OutcomeService service) {
    this.service = service;
  }

  @JobWorker(type = "outcomes.request-follow-up", fetchVariables = {"caseId"})
  public void requestFollowUp(@Variable long caseId) {
    service.requestFollowUp(caseId);
  }
}
