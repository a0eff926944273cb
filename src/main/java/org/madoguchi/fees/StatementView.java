package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A fee statement as the applicant sees it. */
@NamedInterface("api")
public record StatementView(
    long statementId,
    String caseNumber,
    StatementStatus status,
    String currency,
    List<Line> lines,
    long subtotalYen,
    BigDecimal taxRate,
    long taxYen,
    long totalYen,
    Instant issuedAt,
    Instant respondedAt,
    String disputeReason,
    String invoiceNumber) {

  @NamedInterface("api")
  public record Line(
      int lineNo,
      long usageItemId,
      String description,
      String instrumentClass,
      String itemKind,
      BigDecimal quantity,
      long unitCostYen,
      BigDecimal chargeRate,
      String ruleName,
      long amountYen) {}

  /** Sent and waiting for the applicant to accept or dispute it. */
  public boolean awaitingResponse() {
    return status == StatementStatus.ISSUED;
  }

  static StatementView of(String caseNumber, FeeStatement s, String invoiceNumber) {
    List<Line> lines =
        s.lines().stream()
            .map(
                l ->
                    new Line(
                        l.lineNo(), l.usageItemId(), l.description(), l.instrumentClass(), l.itemKind(),
                        l.quantity().stripTrailingZeros(), l.unitCostYen(), l.chargeRate().stripTrailingZeros(),
                        l.ruleName(), l.amountYen()))
            .toList();
    return new StatementView(
        s.id(), caseNumber, s.status(), s.currency(), lines, s.subtotalYen(), s.taxRate().stripTrailingZeros(),
        s.taxYen(), s.totalYen(), s.issuedAt(), s.respondedAt(), s.disputeReason(), invoiceNumber);
  }
}
