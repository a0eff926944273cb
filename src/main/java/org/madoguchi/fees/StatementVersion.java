package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of a case's fee statement, as it was sent to (or accepted by) the applicant: what invoices,
 * documents and reports read. Versions never change once another version follows them.
 *
 * @param version 1 for the assessed statement, +1 for each revision by finance
 * @param status the statement's status while this version was (or is) current
 * @param reason why finance made this version; null for the assessed one
 * @param feeSchedule the fee table that priced the usage lines (e.g. {@code fee-schedule v7 (2027-04)}), or null
 */
public record StatementVersion(
    long statementId,
    long caseId,
    String caseNumber,
    int version,
    boolean current,
    StatementStatus status,
    Instant createdAt,
    String createdBy,
    String reason,
    String feeSchedule,
    Instant acceptedAt,
    List<Line> lines,
    ConsumptionTax.Breakdown tax) {

  /**
   * A line of a statement version.
   *
   * @param kind {@code USAGE} (priced from recorded use), {@code ADJUSTMENT} (added or changed by finance),
   *     {@code WAIVER} (a desk waiver: a negative amount with its reason and who granted it)
   * @param usageItemId the recorded use it prices; null for a line finance added
   * @param transactionDate the day of the service (the session's date), for the invoice
   * @param changeReason why finance changed, added or waived it in this version; null when unchanged
   * @param grantedBy for a waiver, who granted it
   */
  public record Line(
      int lineNo,
      String kind,
      Long usageItemId,
      String description,
      String itemKind,
      String instrumentClass,
      LocalDate transactionDate,
      BigDecimal quantity,
      long unitPriceYen,
      BigDecimal chargeRate,
      String ruleName,
      TaxClass taxClass,
      long amountYen,
      String changeReason,
      String grantedBy) {}

  public long subtotalYen() {
    return tax.subtotalYen();
  }

  public long totalYen() {
    return tax.totalYen();
  }
}
