package org.madoguchi.fees;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code fees.remind-statement}: reminds the applicant of an unanswered statement, once per timer firing. */
@Component
public class RemindStatementWorker {

  private final StatementDelivery delivery;

  RemindStatementWorker(StatementDelivery delivery) {
    this.delivery = delivery;
  }

  @JobWorker(type = "fees.remind-statement", fetchVariables = "caseId")
  public void remind(ActivatedJob job, @Variable long caseId) {
    delivery.remind(caseId, job.getKey());
  }
}
