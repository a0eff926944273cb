package org.madoguchi.fees.invoicing;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.ConsumptionTax;
import org.madoguchi.fees.FeesProperties;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.invoicing.InvoiceNumbers.Series;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes issued documents: a qualified invoice for one or more accepted statements of one payer, a credit
 * note against an invoice, the no-charge notice of a case. Every document copies the issuer and the payer as
 * printed and is never changed afterwards. Runs inside the caller's transaction, which locks what it bills.
 */
@Service
public class Invoicing {

  private final JdbcClient jdbc;
  private final InvoiceNumbers numbers;
  private final IssuerProperties issuer;
  private final ConsumptionTax consumptionTax;
  private final Clock clock;
  private final ZoneId zone;

  Invoicing(
      JdbcClient jdbc, InvoiceNumbers numbers, IssuerProperties issuer, FeesProperties fees, Clock clock, MadoguchiProperties madoguchi) {
    this.jdbc = jdbc;
    this.numbers = numbers;
    this.issuer = issuer;
    this.consumptionTax = new ConsumptionTax(fees);
    this.clock = clock;
    this.zone = madoguchi.timeZone();
  }

  /** An issued document's key facts. */
  public record Issued(long id, String number, long totalYen, Instant issuedAt) {}

  /**
   * Locks the statement rows (so a billing run and the acceptance worker never bill one twice) and tells
   * which of them are already invoiced, here or as a pre-qualified {@code fee_invoices} invoice.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Long> lockAndFindInvoiced(List<Long> statementIds) {
    for (long id : statementIds.stream().sorted().toList()) {
      jdbc.sql("select id from fee_statements where id = ? for update").param(id).query(Long.class).optional();
    }
    return statementIds.stream().filter(this::isInvoiced).toList();
  }

  @Transactional(readOnly = true)
  public boolean isInvoiced(long statementId) {
    return jdbc.sql("""
            select (select count(*) from invoice_statements where statement_id = :id)
                 + (select count(*) from fee_invoices where statement_id = :id)""")
        .param("id", statementId)
        .query(Long.class)
        .single() > 0;
  }

  /** The invoice that bills the statement, if any. */
  @Transactional(readOnly = true)
  public Optional<Issued> invoiceOf(long statementId) {
    return jdbc.sql("""
            select i.id, i.invoice_number, i.total_yen, i.issued_at from invoice_statements s join invoices i on i.id = s.invoice_id
            where s.statement_id = ?""")
        .param(statementId)
        .query((rs, n) -> new Issued(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getTimestamp(4).toInstant()))
        .optional();
  }

  /** Issues one invoice for the statements (each locked by the caller and not yet invoiced). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Issued issueInvoice(List<StatementVersion> statements, PayerDetails payer, String language, Long billingRunId, String issuedBy) {
    InvoiceDraft draft = InvoiceDraft.ofStatements(statements, consumptionTax);
    Instant now = clock.instant();
    LocalDate today = now.atZone(zone).toLocalDate();
    String number = numbers.next(issuer.registrationNumber(), today.getYear(), Series.INV);
    long id = insertDocument(number, "INVOICE", null, null, billingRunId, language, now, issuedBy, draft, payer);
    insertLines(id, draft.lines(), statements);
    for (StatementVersion statement : statements) {
      jdbc.sql("insert into invoice_statements (statement_id, statement_version, invoice_id) values (?, ?, ?)")
          .params(statement.statementId(), statement.version(), id)
          .update();
    }
    return new Issued(id, number, draft.tax().totalYen(), now);
  }

  /**
   * A credit note against an issued invoice: the lines (negative amounts, each naming the invoice line it
   * credits), their tax per class computed once on the credited class totals, and the reason.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Issued issueCreditNote(
      long invoiceId, List<BillingDocument.Line> credited, List<Integer> creditedLineNos, List<Long> caseIds, List<Long> statementIds,
      PayerDetails payer, String language, String reason, String issuedBy) {
    // Tax is computed on the credited amounts as positive figures and negated, so that crediting a whole
    // invoice gives back exactly the tax it charged whatever the rounding mode.
    InvoiceDraft positive = InvoiceDraft.ofLines(credited, consumptionTax);
    ConsumptionTax.Breakdown tax = negated(positive.tax());
    List<BillingDocument.Line> negativeLines = credited.stream()
        .map(l -> new BillingDocument.Line(l.lineNo(), l.caseNumber(), l.statementVersion(), l.transactionDate(), l.description(),
            l.quantity(), -l.unitPriceYen(), -l.amountYen(), l.taxClass()))
        .toList();
    InvoiceDraft draft = new InvoiceDraft(negativeLines, tax, positive.transactionsFrom(), positive.transactionsTo());
    Instant now = clock.instant();
    String number = numbers.next(issuer.registrationNumber(), now.atZone(zone).getYear(), Series.CN);
    long id = insertDocument(number, "CREDIT_NOTE", invoiceId, reason, null, language, now, issuedBy, draft, payer);
    for (int i = 0; i < negativeLines.size(); i++) {
      insertLine(id, negativeLines.get(i), caseIds.get(i), statementIds.get(i), creditedLineNos.get(i));
    }
    return new Issued(id, number, tax.totalYen(), now);
  }

  /** Records the no-charge notice of a case once; false if it already exists. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean recordNoChargeNotice(CaseSummary supportCase, StatementVersion statement, PayerDetails payer) {
    Instant now = clock.instant();
    String name = payer.institutionName() != null ? payer.institutionName() : supportCase.affiliation();
    String email = payer.contactEmail() != null ? payer.contactEmail() : supportCase.email();
    return jdbc.sql("""
            insert ignore into invoice_no_charge_notices (case_id, statement_id, statement_version, language, issued_on, issued_at,
              issuer_name, issuer_registration_number, issuer_address, issuer_contact, recipient_name, recipient_email)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(supportCase.caseId(), statement.statementId(), statement.version(), supportCase.language(),
            Date.valueOf(now.atZone(zone).toLocalDate()), Timestamp.from(now), issuer.name(), issuer.registrationNumber(),
            issuer.address(), issuer.contact(), name, email)
        .update() > 0;
  }

  private static ConsumptionTax.Breakdown negated(ConsumptionTax.Breakdown tax) {
    return new ConsumptionTax.Breakdown(
        tax.perRate().stream()
            .map(r -> new ConsumptionTax.RateTotal(r.taxClass(), r.rate(), -r.taxableYen(), -r.taxYen()))
            .toList(),
        -tax.subtotalYen(), -tax.taxYen());
  }

  private long insertDocument(
      String number, String kind, Long correctsInvoiceId, String reason, Long billingRunId, String language, Instant now, String issuedBy,
      InvoiceDraft draft, PayerDetails payer) {
    jdbc.sql("""
            insert into invoices (invoice_number, kind, corrects_invoice_id, reason, billing_run_id, language, issued_on, issued_at,
              issued_by, transactions_from, transactions_to, issuer_name, issuer_registration_number, issuer_address,
              issuer_contact, payer_name, payer_department, contact_name, contact_email, budget_code, purchase_order,
              subtotal_yen, tax_yen, total_yen)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(number, kind, correctsInvoiceId, reason, billingRunId, language, Date.valueOf(now.atZone(zone).toLocalDate()),
            Timestamp.from(now), issuedBy, Date.valueOf(draft.transactionsFrom()), Date.valueOf(draft.transactionsTo()),
            issuer.name(), issuer.registrationNumber(), issuer.address(), issuer.contact(), payer.institutionName(),
            payer.department(), payer.contactName(), payer.contactEmail(), payer.budgetCode(), payer.purchaseOrder(),
            draft.tax().subtotalYen(), draft.tax().taxYen(), draft.tax().totalYen())
        .update();
    long id = jdbc.sql("select id from invoices where invoice_number = ?").param(number).query(Long.class).single();
    for (ConsumptionTax.RateTotal rate : draft.tax().perRate()) {
      jdbc.sql("insert into invoice_tax_totals (invoice_id, tax_class, rate, taxable_yen, tax_yen) values (?, ?, ?, ?, ?)")
          .params(id, rate.taxClass().name(), rate.rate(), rate.taxableYen(), rate.taxYen())
          .update();
    }
    return id;
  }

  private void insertLines(long invoiceId, List<BillingDocument.Line> lines, List<StatementVersion> statements) {
    for (BillingDocument.Line line : lines) {
      StatementVersion statement = statements.stream()
          .filter(s -> s.caseNumber().equals(line.caseNumber()))
          .findFirst()
          .orElseThrow();
      insertLine(invoiceId, line, statement.caseId(), statement.statementId(), null);
    }
  }

  private void insertLine(long invoiceId, BillingDocument.Line line, long caseId, long statementId, Integer creditedLineNo) {
    jdbc.sql("""
            insert into invoice_lines (invoice_id, line_no, case_id, case_number, statement_id, statement_version, credited_line_no,
              transaction_date, description, quantity, unit_price_yen, amount_yen, tax_class)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(invoiceId, line.lineNo(), caseId, line.caseNumber(), statementId, line.statementVersion(), creditedLineNo,
            Date.valueOf(line.transactionDate()), line.description(), line.quantity(), line.unitPriceYen(), line.amountYen(),
            line.taxClass().name())
        .update();
  }
}
