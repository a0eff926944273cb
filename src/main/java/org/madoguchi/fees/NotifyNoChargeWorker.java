package org.madoguchi.fees;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** {@code fees.notify-no-charge}: tells the applicant that no fee is due. */
@Component
public class NotifyNoChargeWorker {

  private final StatementDelivery delivery;

  NotifyNoChargeWorker(StatementDelivery delivery) {
    this.delivery = delivery;
  }

  @JobWorker(type = "fees.notify-no-charge", fetchVariables = "caseId")
  public void notifyNoCharge(@Variable long caseId) {
    delivery.notifyNoCharge(caseId);
  }
}
