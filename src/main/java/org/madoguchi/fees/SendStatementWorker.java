package org.madoguchi.fees;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code fees.send-statement}: sends the reviewed statement to the applicant for acceptance. */
@Component
public class SendStatementWorker {

  private final StatementDelivery delivery;

  SendStatementWorker(StatementDelivery delivery) {
    this.delivery = delivery;
  }

  @JobWorker(type = "fees.send-statement", fetchVariables = {"caseId", "statementId", "financeNote"})
  public void send(
      ActivatedJob job,
      @Variable long caseId,
      @Variable long statementId,
      @Variable(optional = true) String financeNote) {
    delivery.send(caseId, statementId, financeNote, job.getKey());
  }
}
