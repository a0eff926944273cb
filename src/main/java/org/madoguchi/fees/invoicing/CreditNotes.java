package org.madoguchi.fees.invoicing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.TaxClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections after issue: an issued invoice never changes, finance issues a credit note (適格返還請求書)
 * against it, for the whole invoice or chosen lines (each up to what is still creditable on it), with a
 * reason. The invoice row is locked while the credit note is written, so two finance officers cannot
 * credit the same line twice.
 */
@NamedInterface("api")
@Service
public class CreditNotes {

  /**
   * @param wholeInvoice credit what remains of every line
   * @param amounts otherwise: invoice line number -> yen to credit
   */
  @NamedInterface("api")
  public record Request(String reason, boolean wholeInvoice, Map<Integer, Long> amounts) {}

  private record InvoiceLine(
      int lineNo, long caseId, String caseNumber, long statementId, int statementVersion, java.time.LocalDate transactionDate,
      String description, BigDecimal quantity, long unitPriceYen, long amountYen, TaxClass taxClass, long creditedYen) {}

  private final JdbcClient jdbc;
  private final Invoicing invoicing;
  private final BillingDocuments documents;
  private final BillingMails mails;

  CreditNotes(JdbcClient jdbc, Invoicing invoicing, BillingDocuments documents, BillingMails mails) {
    this.jdbc = jdbc;
    this.invoicing = invoicing;
    this.documents = documents;
    this.mails = mails;
  }

  /**
   * Issues the credit note, mails it to the billing contact and records it on each case it touches; returns
   * its number. A refused request writes nothing (400 naming the field).
   */
  @Transactional
  public String issue(String invoiceNumber, Request request, String issuedBy) {
    long invoiceId = jdbc.sql("select id from invoices where invoice_number = ? and kind = 'INVOICE' for update")
        .param(invoiceNumber)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("invoice " + invoiceNumber));
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty()) {
      throw InvalidRequestException.of("reason", "billing.credit-note.reason.required");
    }
    Map<Integer, InvoiceLine> lines = new LinkedHashMap<>();
    for (InvoiceLine line : linesOf(invoiceId)) {
      lines.put(line.lineNo(), line);
    }
    Map<Integer, Long> amounts = new LinkedHashMap<>();
    if (request.wholeInvoice()) {
      lines.values().forEach(l -> amounts.put(l.lineNo(), null));
    } else if (request.amounts() != null) {
      amounts.putAll(request.amounts());
    }
    List<BillingDocument.Line> credited = new ArrayList<>();
    List<Integer> creditedLineNos = new ArrayList<>();
    List<Long> caseIds = new ArrayList<>();
    List<Long> statementIds = new ArrayList<>();
    for (Map.Entry<Integer, Long> entry : amounts.entrySet()) {
      InvoiceLine line = lines.get(entry.getKey());
      String field = "lines[" + entry.getKey() + "]";
      if (line == null) {
        throw InvalidRequestException.of(field, "billing.credit-note.line.not-on-invoice", entry.getKey(), invoiceNumber);
      }
      long creditable = line.amountYen() - line.creditedYen();
      long amount = entry.getValue() == null ? creditable : entry.getValue();
      if (entry.getValue() != null && amount <= 0) {
        throw InvalidRequestException.of(field, "billing.credit-note.amount.positive");
      }
      if (amount > creditable) {
        throw InvalidRequestException.of(field, "billing.credit-note.amount.too-much", line.lineNo(), creditable);
      }
      if (amount == 0) {
        continue;
      }
      credited.add(new BillingDocument.Line(credited.size() + 1, line.caseNumber(), line.statementVersion(), line.transactionDate(),
          line.description(), BigDecimal.ONE, amount, amount, line.taxClass()));
      creditedLineNos.add(line.lineNo());
      caseIds.add(line.caseId());
      statementIds.add(line.statementId());
    }
    if (credited.isEmpty()) {
      throw InvalidRequestException.of("lines", "billing.credit-note.nothing-to-credit");
    }
    BillingDocument invoice = documents.byNumber(invoiceNumber, null).orElseThrow();
    BillingDocument.Recipient r = invoice.recipient();
    PayerDetails payer = new PayerDetails(
        r.name(), r.department(), r.contactName(), r.contactEmail(), r.budgetCode(), r.purchaseOrder(), PayerDetails.BillingCycle.PER_CASE);
    String number = invoicing
        .issueCreditNote(invoiceId, credited, creditedLineNos, caseIds, statementIds, payer, invoice.language(), reason, issuedBy)
        .number();
    mails.toBillingContact(number);
    mails.recordOnCases(number, issuedBy);
    return number;
  }

  /** The invoice's lines with what credit notes have already credited on each. */
  private List<InvoiceLine> linesOf(long invoiceId) {
    return jdbc.sql("""
            select l.line_no, l.case_id, l.case_number, l.statement_id, l.statement_version, l.transaction_date, l.description,
                   l.quantity, l.unit_price_yen, l.amount_yen, l.tax_class,
                   coalesce((select -sum(c.amount_yen) from invoice_lines c join invoices n on n.id = c.invoice_id
                             where n.corrects_invoice_id = l.invoice_id and c.credited_line_no = l.line_no), 0)
            from invoice_lines l where l.invoice_id = ? order by l.line_no""")
        .param(invoiceId)
        .query((rs, n) -> new InvoiceLine(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
            rs.getDate(6).toLocalDate(), rs.getString(7), rs.getBigDecimal(8), rs.getLong(9), rs.getLong(10),
            TaxClass.valueOf(rs.getString(11)), rs.getLong(12)))
        .list();
  }
}
