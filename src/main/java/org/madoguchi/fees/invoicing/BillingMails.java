package org.madoguchi.fees.invoicing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.FeeTexts;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows an issued invoice or credit note, queued in the issuing transaction (the outbox sends after
 * commit): the document to the payer's billing contact in its language with its PDF attached, its line in the
 * audit trail of each case it covers, and for an invoice of a billing run the applicant's notice. Dedupe keys
 * name the document (and the case), so a repeated call queues and records nothing twice.
 */
@Service
class BillingMails {

  static final String INVOICE_TO_PAYER = "invoice-to-payer";
  static final String CREDIT_NOTE_TO_PAYER = "credit-note-to-payer";
  static final String INVOICE_TO_APPLICANT = "invoice-issued-to-institution";

  private record CoveredCase(long caseId, String caseNumber) {}

  private final BillingDocuments documents;
  private final JdbcClient jdbc;
  private final Mailer mailer;
  private final ApplicantNotices notices;
  private final CaseFile caseFile;

  BillingMails(BillingDocuments documents, JdbcClient jdbc, Mailer mailer, ApplicantNotices notices, CaseFile caseFile) {
    this.documents = documents;
    this.jdbc = jdbc;
    this.mailer = mailer;
    this.notices = notices;
    this.caseFile = caseFile;
  }

  /** Mails the invoice or credit note to the billing contact copied on it (none without one). */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean toBillingContact(String number) {
    BillingDocument document = document(number);
    String contact = document.recipient().contactEmail();
    if (contact == null) {
      return false;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("issuerName", document.issuer().name());
    model.put("registrationNumber", document.issuer().registrationNumber());
    model.put("issuerContact", document.issuer().contact());
    model.put("payerName", document.recipient().name());
    model.put("issuedOn", document.issuedOn().toString());
    model.put("cases", coveredCases(number).stream().map(c -> "  " + c.caseNumber()).collect(Collectors.joining("\n")));
    String template;
    if (document.kind() == BillingDocument.Kind.CREDIT_NOTE) {
      template = CREDIT_NOTE_TO_PAYER;
      model.put("creditNoteNumber", number);
      model.put("invoiceNumber", document.correctsInvoice());
      model.put("creditedYen", FeeTexts.yen(-document.tax().totalYen()));
      model.put("reason", document.reason());
    } else {
      template = INVOICE_TO_PAYER;
      model.put("invoiceNumber", number);
      model.put("totalYen", FeeTexts.yen(document.tax().totalYen()));
    }
    return mailer.enqueue(new Mail(contact, document.language(), template, model, "billing-contact:" + number, null,
        List.of(BillingPdfs.mailAttachment(number, document.language()))));
  }

  /** Records the document on each case it covers (invoice-issued or credit-note-issued), by the finance officer who issued it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordOnCases(String number, String issuedBy) {
    BillingDocument document = document(number);
    Actor actor = Actor.staff(StaffGroup.FINANCE.name(), issuedBy);
    boolean creditNote = document.kind() == BillingDocument.Kind.CREDIT_NOTE;
    for (CoveredCase covered : coveredCases(number)) {
      CaseEvent event = creditNote
          ? new CaseEvent.CreditNoteIssued(number, document.correctsInvoice(), document.tax().totalYen())
          : new CaseEvent.InvoiceIssued(number, document.tax().totalYen());
      caseFile.record(covered.caseId(), event, actor, (creditNote ? "credit-note-issued:" : "invoice-issued:") + number + ":" + covered.caseId());
    }
  }

  /** Tells the applicant of each case on the invoice that it was issued to their institution, with the PDF. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void toApplicants(String number) {
    BillingDocument document = document(number);
    List<CoveredCase> covered = coveredCases(number);
    for (CoveredCase c : covered) {
      String language = caseFile.get(c.caseId()).language();
      Map<String, Object> model = new HashMap<>();
      model.put("invoiceNumber", number);
      model.put("payerName", document.recipient().name());
      model.put("issuedOn", document.issuedOn().toString());
      model.put("totalYen", FeeTexts.yen(document.tax().totalYen()));
      model.put("caseCount", covered.size());
      notices.send(c.caseId(), INVOICE_TO_APPLICANT, model, "invoice-issued:" + number + ":" + c.caseId(),
          List.of(BillingPdfs.mailAttachment(number, language)));
    }
  }

  private BillingDocument document(String number) {
    return documents.byNumber(number, null).orElseThrow(() -> new IllegalStateException("no billing document " + number));
  }

  private List<CoveredCase> coveredCases(String number) {
    return jdbc.sql("""
            select distinct l.case_id, l.case_number from invoice_lines l join invoices i on i.id = l.invoice_id
            where i.invoice_number = ? order by l.case_number""")
        .param(number)
        .query((rs, n) -> new CoveredCase(rs.getLong(1), rs.getString(2)))
        .list();
  }
}
