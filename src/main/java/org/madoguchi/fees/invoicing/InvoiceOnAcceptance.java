package org.madoguchi.fees.invoicing;

import java.util.List;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.fees.StatementStatus;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.StatementVersions;
import org.madoguchi.fees.invoicing.PayerDetails.BillingCycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows an accepted statement ({@code fees.issue-invoice}): a payer billed per case whose details are
 * complete gets its qualified invoice at once (mailed to the billing contact unless that is the applicant,
 * who gets the invoice-issued mail); a zero total gets the no-charge notice; anything else waits
 * for the monthly billing run. Repeating it changes nothing: an invoiced statement answers its invoice.
 */
@Service
public class InvoiceOnAcceptance {

  public enum Result {
    INVOICED,
    NO_CHARGE,
    AWAITS_BILLING_RUN
  }

  /** @param invoiceNumber the invoice's number when {@link Result#INVOICED}, otherwise null */
  public record Outcome(Result result, String invoiceNumber, long invoiceTotalYen) {}

  static final String SYSTEM = "system";

  private final StatementVersions statements;
  private final Payers payers;
  private final Invoicing invoicing;
  private final CaseFile caseFile;
  private final BillingMails mails;

  InvoiceOnAcceptance(StatementVersions statements, Payers payers, Invoicing invoicing, CaseFile caseFile, BillingMails mails) {
    this.statements = statements;
    this.payers = payers;
    this.invoicing = invoicing;
    this.caseFile = caseFile;
    this.mails = mails;
  }

  /** The caller has locked the statement and checked that it is accepted. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Outcome afterAcceptance(long caseId, long statementId) {
    var existing = invoicing.invoiceOf(statementId);
    if (existing.isPresent()) {
      return new Outcome(Result.INVOICED, existing.get().number(), existing.get().totalYen());
    }
    StatementVersion statement = acceptedVersion(caseId, statementId);
    CaseSummary supportCase = caseFile.get(caseId);
    PayerDetails payer = payers.of(caseId).orElse(PayerDetails.none());
    if (statement.totalYen() == 0) {
      invoicing.recordNoChargeNotice(supportCase, statement, payer);
      return new Outcome(Result.NO_CHARGE, null, 0);
    }
    if (payer.billingCycle() != BillingCycle.PER_CASE || !payer.missing(supportCase.applicantCategory()).isEmpty()
        || !invoicing.lockAndFindInvoiced(List.of(statementId)).isEmpty()) {
      return new Outcome(Result.AWAITS_BILLING_RUN, null, 0);
    }
    Invoicing.Issued issued = invoicing.issueInvoice(List.of(statement), payer, supportCase.language(), null, SYSTEM);
    // The applicant's own invoice-issued mail already carries the PDF: no second mail to the same address.
    if (!payer.contactEmail().equalsIgnoreCase(supportCase.email())) {
      mails.toBillingContact(issued.number());
    }
    return new Outcome(Result.INVOICED, issued.number(), issued.totalYen());
  }

  /** {@code fees.notify-no-charge}: the no-charge notice of a statement with nothing to pay, once. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void noChargeNotice(long caseId) {
    StatementVersion statement = statements.current(caseId)
        .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no fee statement"));
    invoicing.recordNoChargeNotice(caseFile.get(caseId), statement, payers.of(caseId).orElse(PayerDetails.none()));
  }

  private StatementVersion acceptedVersion(long caseId, long statementId) {
    return statements.current(caseId)
        .filter(s -> s.statementId() == statementId && s.status() == StatementStatus.ACCEPTED)
        .orElseThrow(() -> new IllegalStateException("statement " + statementId + " of case " + caseId + " is not accepted"));
  }
}
