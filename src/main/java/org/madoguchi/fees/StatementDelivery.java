package org.madoguchi.fees;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.fees.invoicing.BillingPdfs;
import org.madoguchi.fees.invoicing.InvoiceOnAcceptance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automated steps after assessment: the no-charge notice, sending the statement, reminding the
 * applicant, issuing the invoice (through {@link InvoiceOnAcceptance}). Each is safe to repeat: statement state, dedupe keys and unique
 * constraints make a retried job change nothing twice.
 */
@Service
class StatementDelivery {

  private static final Logger log = LoggerFactory.getLogger(StatementDelivery.class);
  private static final Actor FINANCE = Actor.staff("finance");

  private final FeeStatementRepository statements;
  private final FeeInvoiceRepository invoices;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final FeeTexts texts;
  private final InvoiceOnAcceptance onAcceptance;
  private final StatementVersions versions;
  private final Clock clock;

  StatementDelivery(
      FeeStatementRepository statements,
      FeeInvoiceRepository invoices,
      CaseFile caseFile,
      ApplicantNotices notices,
      FeeTexts texts,
      InvoiceOnAcceptance onAcceptance,
      StatementVersions versions,
      Clock clock) {
    this.statements = statements;
    this.invoices = invoices;
    this.caseFile = caseFile;
    this.notices = notices;
    this.texts = texts;
    this.onAcceptance = onAcceptance;
    this.versions = versions;
    this.clock = clock;
  }

  /** {@code fees.notify-no-charge}: a zero total; the applicant is told no fee is due. */
  @Transactional
  public void notifyNoCharge(long caseId) {
    FeeStatement statement =
        statements
            .findByCaseIdForUpdate(caseId)
            .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no fee statement; assess it first"));
    statement.markNoCharge();
    onAcceptance.noChargeNotice(caseId);
    announceNoCharge(caseId, statement.id());
  }

  /** The no-charge event and mail, once per statement; the mail carries the no-charge notice's PDF. */
  private void announceNoCharge(long caseId, long statementId) {
    String key = "fee-no-charge:" + statementId;
    caseFile.record(caseId, new CaseEvent.FeeNoCharge(), Actor.system(), key);
    CaseSummary supportCase = caseFile.get(caseId);
    notices.send(caseId, "fee-no-charge", Map.of(), key,
        List.of(BillingPdfs.mailAttachment(supportCase.caseNumber(), supportCase.language())));
  }

  /**
   * {@code fees.send-statement}: after finance review, the statement goes to the applicant, who is
   * asked to accept or dispute it. Sent again (new job) after a dispute; a retried job sends nothing.
   */
  @Transactional
  public void send(long caseId, long statementId, String financeNote, long jobKey) {
    FeeStatement statement = statementOf(caseId, statementId);
    String note = financeNote == null || financeNote.isBlank() ? null : financeNote.strip();
    if (!statement.issue(jobKey, note, clock.instant())) {
      log.info("Statement {} of case {} is already out ({}); nothing to send", statementId, caseId, statement.status());
      return;
    }
    CaseEvent sent = new CaseEvent.StatementSent(statement.subtotalYen(), statement.taxYen(), statement.totalYen(), note);
    String key = "fee-statement:" + statementId + ":" + statement.issueCount();
    if (!caseFile.transition(caseId, CaseStatus.AWAITING_STATEMENT_RESPONSE, sent, FINANCE)) {
      caseFile.record(caseId, sent, FINANCE, key);
    }
    CaseSummary supportCase = caseFile.get(caseId);
    StatementVersion announced =
        versions.current(caseId).orElseThrow(() -> new IllegalStateException("case " + caseId + " has no statement version"));
    notices.send(caseId, "fee-statement", texts.statementModel(statement, supportCase.language()), key,
        List.of(StatementMailAttachment.of(announced, supportCase.language())));
  }

  /**
   * {@code fees.remind-statement}: one reminder per timer firing (the job key is in the dedupe key),
   * and none once the applicant has answered.
   */
  @Transactional
  public boolean remind(long caseId, long jobKey) {
    FeeStatement statement = statements.findByCaseId(caseId).orElse(null);
    if (statement == null || !statement.isAwaitingResponse()) {
      return false;
    }
    String key = "statement-reminder:" + statement.id() + ":" + jobKey;
    caseFile.record(caseId, new CaseEvent.StatementReminderSent(), Actor.timer(), key);
    CaseSummary supportCase = caseFile.get(caseId);
    return notices.send(caseId, "statement-reminder", texts.statementModel(statement, supportCase.language()), key);
  }

  /**
   * {@code fees.issue-invoice}: after acceptance, the qualified invoice when the payer is billed per case and
   * complete (then the invoice-issued mail), the no-charge notice for a zero total; otherwise the statement
   * waits for the monthly billing run. Returns the invoice number, or an empty string when none was issued.
   * A statement invoiced before qualified invoicing keeps its {@code INV-<case number>} invoice.
   */
  @Transactional
  public String issueInvoice(long caseId, long statementId) {
    FeeStatement statement = statementOf(caseId, statementId);
    FeeInvoice earlier = invoices.findByStatementId(statementId).orElse(null);
    if (earlier != null) {
      return earlier.invoiceNumber();
    }
    if (statement.status() != StatementStatus.ACCEPTED) {
      throw new IllegalStateException("statement " + statementId + " is " + statement.status() + "; only an accepted statement is invoiced");
    }
    InvoiceOnAcceptance.Outcome outcome = onAcceptance.afterAcceptance(caseId, statementId);
    switch (outcome.result()) {
      case INVOICED -> {
        String key = "invoice-issued:" + statementId;
        caseFile.record(caseId, new CaseEvent.InvoiceIssued(outcome.invoiceNumber(), outcome.invoiceTotalYen()), FINANCE, key);
        String language = caseFile.get(caseId).language();
        Map<String, Object> model = texts.statementModel(statement, language);
        model.put("invoiceNumber", outcome.invoiceNumber());
        notices.send(caseId, "invoice-issued", model, key, List.of(BillingPdfs.mailAttachment(outcome.invoiceNumber(), language)));
        return outcome.invoiceNumber();
      }
      case NO_CHARGE -> {
        announceNoCharge(caseId, statementId);
        return "";
      }
      case AWAITS_BILLING_RUN -> {
        return "";
      }
    }
    throw new IllegalStateException("unknown outcome " + outcome);
  }

  /** Locks the statement (first, so later reads see what a concurrent job committed) and checks its case. */
  private FeeStatement statementOf(long caseId, long statementId) {
    FeeStatement statement =
        statements
            .findForUpdate(statementId)
            .orElseThrow(() -> new IllegalStateException("fee statement " + statementId + " does not exist"));
    if (statement.caseId() != caseId) {
      throw new IllegalStateException("fee statement " + statementId + " belongs to case " + statement.caseId() + ", not " + caseId);
    }
    return statement;
  }
}
