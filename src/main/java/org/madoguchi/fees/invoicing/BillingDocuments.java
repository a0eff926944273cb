package org.madoguchi.fees.invoicing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.ConsumptionTax;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.StatementVersions;
import org.madoguchi.fees.TaxClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issued billing documents as their PDFs show them: invoices and credit notes by number ({@code
 * INV-2026-000042}, {@code CN-2026-000003}), the no-charge notice by its case number. Read from what was
 * stored at issue, so a document always reads the same. Callers check who may see the case.
 */
@NamedInterface("api")
@Service
public class BillingDocuments {

  private static final String DOCUMENT_COLUMNS = """
      i.id, i.invoice_number, i.kind, i.issued_on, i.transactions_from, i.transactions_to, i.language, i.issuer_name,
      i.issuer_registration_number, i.issuer_address, i.issuer_contact, i.payer_name, i.payer_department, i.contact_name,
      i.contact_email, i.budget_code, i.purchase_order, i.subtotal_yen, i.tax_yen, c.invoice_number, i.reason""";

  /** A line of a document list: what finance needs to find a document. */
  @NamedInterface("api")
  public record Summary(
      String number, BillingDocument.Kind kind, java.time.LocalDate issuedOn, String payerName, long totalYen, String correctsInvoice) {}

  private static final String SUMMARY = """
      select i.invoice_number, i.kind, i.issued_on, i.payer_name, i.total_yen, c.invoice_number
      from invoices i left join invoices c on c.id = i.corrects_invoice_id""";

  private final JdbcClient jdbc;
  private final StatementVersions statements;

  BillingDocuments(JdbcClient jdbc, StatementVersions statements) {
    this.jdbc = jdbc;
    this.statements = statements;
  }

  /**
   * @param language {@code ja} or {@code en} to render it in that language; null for the language it was issued in
   */
  @Transactional(readOnly = true)
  public Optional<BillingDocument> byNumber(String number, String language) {
    Optional<BillingDocument> invoice = jdbc.sql("select " + DOCUMENT_COLUMNS
            + " from invoices i left join invoices c on c.id = i.corrects_invoice_id where i.invoice_number = ?")
        .param(number)
        .query((rs, n) -> document(rs, language))
        .optional();
    return invoice.isPresent() ? invoice : noChargeNotice(number, language);
  }

  /** An invoice or credit note by its number (not a no-charge notice), in the language it was issued in. */
  @Transactional(readOnly = true)
  public Optional<BillingDocument> invoiceOrCreditNote(String number) {
    return byNumber(number, null).filter(d -> d.kind() != BillingDocument.Kind.NO_CHARGE_NOTICE);
  }

  /** Every document of the case: its invoices and credit notes in order of issue, and its no-charge notice. */
  @Transactional(readOnly = true)
  public List<BillingDocument> forCase(long caseId) {
    List<BillingDocument> documents = new ArrayList<>(jdbc.sql("select " + DOCUMENT_COLUMNS + """
             from invoices i left join invoices c on c.id = i.corrects_invoice_id
            where exists (select 1 from invoice_lines l where l.invoice_id = i.id and l.case_id = ?) order by i.id""")
        .param(caseId)
        .query((rs, n) -> document(rs, null))
        .list());
    jdbc.sql("select c.case_number from invoice_no_charge_notices n join cases c on c.id = n.case_id where n.case_id = ?")
        .param(caseId)
        .query(String.class)
        .optional()
        .flatMap(caseNumber -> noChargeNotice(caseNumber, null))
        .ifPresent(documents::add);
    return List.copyOf(documents);
  }

  /** The latest invoices and credit notes, newest first. */
  @Transactional(readOnly = true)
  public List<Summary> recent(int limit) {
    return jdbc.sql(SUMMARY + " order by i.id desc limit ?").param(limit).query(BillingDocuments::summary).list();
  }

  /** The credit notes issued against an invoice, oldest first. */
  @Transactional(readOnly = true)
  public List<Summary> creditNotesOf(String invoiceNumber) {
    return jdbc.sql(SUMMARY + " where c.invoice_number = ? order by i.id").param(invoiceNumber).query(BillingDocuments::summary).list();
  }

  private static Summary summary(ResultSet rs, int row) throws SQLException {
    return new Summary(rs.getString(1), BillingDocument.Kind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getString(4),
        rs.getLong(5), rs.getString(6));
  }

  private BillingDocument document(ResultSet rs, String language) throws SQLException {
    long id = rs.getLong(1);
    List<BillingDocument.Line> lines = jdbc.sql("""
            select line_no, case_number, statement_version, transaction_date, description, quantity, unit_price_yen, amount_yen, tax_class
            from invoice_lines where invoice_id = ? order by line_no""")
        .param(id)
        .query((l, n) -> new BillingDocument.Line(l.getInt(1), l.getString(2), l.getInt(3), l.getDate(4).toLocalDate(), l.getString(5),
            l.getBigDecimal(6), l.getLong(7), l.getLong(8), TaxClass.valueOf(l.getString(9))))
        .list();
    List<ConsumptionTax.RateTotal> perRate = jdbc.sql("select tax_class, rate, taxable_yen, tax_yen from invoice_tax_totals where invoice_id = ?")
        .param(id)
        .query((t, n) -> new ConsumptionTax.RateTotal(TaxClass.valueOf(t.getString(1)), t.getBigDecimal(2), t.getLong(3), t.getLong(4)))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(ConsumptionTax.RateTotal::taxClass))
        .toList();
    return new BillingDocument(
        BillingDocument.Kind.valueOf(rs.getString(3)), rs.getString(2), rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
        rs.getDate(6).toLocalDate(), language == null ? rs.getString(7) : language,
        new BillingDocument.Issuer(rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)),
        new BillingDocument.Recipient(rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15), rs.getString(16),
            rs.getString(17)),
        lines, new ConsumptionTax.Breakdown(perRate, rs.getLong(18), rs.getLong(19)), rs.getString(20), rs.getString(21));
  }

  /** The no-charge notice: its lines are the statement version it was recorded for, all free. */
  private Optional<BillingDocument> noChargeNotice(String caseNumber, String language) {
    record Notice(long caseId, long statementId, int version, String language, java.time.LocalDate issuedOn,
        BillingDocument.Issuer issuer, String name, String email) {}
    return jdbc.sql("""
            select n.case_id, n.statement_id, n.statement_version, n.language, n.issued_on, n.issuer_name,
                   n.issuer_registration_number, n.issuer_address, n.issuer_contact, n.recipient_name, n.recipient_email
            from invoice_no_charge_notices n join cases c on c.id = n.case_id where c.case_number = ?""")
        .param(caseNumber)
        .query((rs, n) -> new Notice(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getDate(5).toLocalDate(),
            new BillingDocument.Issuer(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), rs.getString(10),
            rs.getString(11)))
        .optional()
        .map(notice -> {
          StatementVersion statement = statements.history(notice.caseId()).stream()
              .filter(s -> s.version() == notice.version())
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("statement version " + notice.version() + " of case " + caseNumber + " is gone"));
          List<BillingDocument.Line> lines = statement.lines().stream()
              .map(l -> new BillingDocument.Line(l.lineNo(), caseNumber, statement.version(), l.transactionDate(),
                  l.description() == null ? l.itemKind() : l.description(), l.quantity(), l.unitPriceYen(), l.amountYen(), l.taxClass()))
              .toList();
          List<java.time.LocalDate> dates = lines.stream().map(BillingDocument.Line::transactionDate).sorted().toList();
          java.time.LocalDate from = dates.isEmpty() ? notice.issuedOn() : dates.getFirst();
          java.time.LocalDate to = dates.isEmpty() ? notice.issuedOn() : dates.getLast();
          return new BillingDocument(BillingDocument.Kind.NO_CHARGE_NOTICE, caseNumber, notice.issuedOn(), from, to,
              language == null ? notice.language() : language, notice.issuer(),
              new BillingDocument.Recipient(notice.name(), null, null, notice.email(), null, null), lines, statement.tax(), null, null);
        });
  }

}
