package org.madoguchi.fees;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code fees.issue-invoice}: invoices the accepted statement. */
@Component
public class IssueInvoiceWorker {

  private final StatementDelivery delivery;

  IssueInvoiceWorker(StatementDelivery delivery) {
    this.delivery = delivery;
  }

  @JobWorker(type = "fees.issue-invoice", fetchVariables = {"caseId", "statementId"})
  public Map<String, Object> issue(@Variable long caseId, @Variable long statementId) {
    return Map.of("invoiceNumber", delivery.issueInvoice(caseId, statementId));
  }
}
