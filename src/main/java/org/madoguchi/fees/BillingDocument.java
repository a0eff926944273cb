package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * An issued billing document as its PDF shows it: a qualified invoice (適格請求書), a credit note
 * (適格返還請求書) referring to the invoice it corrects, or the no-charge notice of a case with nothing to
 * pay. Everything the document must state is here, so the same record always renders the same PDF.
 *
 * @param number gap-free per issuer and year (e.g. {@code INV-2026-000042}, {@code CN-2026-000003}); for a
 *     no-charge notice, the case number
 * @param issuedOn the date of issue, facility time
 * @param transactionsFrom the first day of service billed
 * @param transactionsTo the last day of service billed
 * @param language {@code ja} or {@code en}
 * @param correctsInvoice for a credit note, the number of the invoice it corrects; otherwise null
 * @param reason for a credit note, why
 * @param tax totals and tax per tax class; negative for a credit note
 */
@NamedInterface("api")
public record BillingDocument(
    Kind kind,
    String number,
    LocalDate issuedOn,
    LocalDate transactionsFrom,
    LocalDate transactionsTo,
    String language,
    Issuer issuer,
    Recipient recipient,
    List<Line> lines,
    ConsumptionTax.Breakdown tax,
    String correctsInvoice,
    String reason) {

  public enum Kind {
    INVOICE,
    CREDIT_NOTE,
    NO_CHARGE_NOTICE
  }

  /** The facility that issues the document, with its qualified-invoice registration number (T + 13 digits). */
  public record Issuer(String name, String registrationNumber, String address, String contact) {}

  /**
   * Who is billed: the payer's institution and department, the billing contact, and the references the
   * payer's accounting needs (a budget or grant code such as a KAKENHI number, a purchase-order number).
   */
  public record Recipient(
      String name, String department, String contactName, String contactEmail, String budgetCode, String purchaseOrder) {}

  /** A billed line; {@code caseNumber} says which case (and statement version) it comes from. */
  public record Line(
      int lineNo,
      String caseNumber,
      int statementVersion,
      LocalDate transactionDate,
      String description,
      BigDecimal quantity,
      long unitPriceYen,
      long amountYen,
      TaxClass taxClass) {

    /** The mark a qualified invoice puts on a reduced-rate line (※). */
    public boolean reducedRate() {
      return taxClass == TaxClass.REDUCED;
    }
  }
}
