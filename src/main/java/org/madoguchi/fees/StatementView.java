package org.madoguchi.fees;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/**
 * A version of a fee statement as the applicant sees it: the current one (to accept or dispute) or an
 * older one (to read). {@code changes} says which lines this version changed since the one before, and
 * why; {@code versions} lists every version's number, so older ones can be opened.
 *
 * @param version this version's number
 * @param currentVersion the statement's current version (the one the applicant answers)
 */
@NamedInterface("api")
public record StatementView(
    long statementId,
    String caseNumber,
    StatementStatus status,
    int version,
    int currentVersion,
    List<Integer> versions,
    Instant versionCreatedAt,
    String currency,
    List<Line> lines,
    List<Change> changes,
    long subtotalYen,
    BigDecimal taxRate,
    long taxYen,
    long totalYen,
    Instant issuedAt,
    Instant respondedAt,
    String disputeReason,
    String invoiceNumber) {

  /**
   * @param kind {@code USAGE}, {@code ADJUSTMENT} (added or changed by finance) or {@code WAIVER}
   * @param changed whether this version changed, added or waived the line
   */
  @NamedInterface("api")
  public record Line(
      int lineNo,
      String kind,
      Long usageItemId,
      String description,
      String instrumentClass,
      String itemKind,
      BigDecimal quantity,
      long unitCostYen,
      BigDecimal chargeRate,
      String ruleName,
      String taxClass,
      long amountYen,
      boolean changed,
      String grantedBy) {}

  /** How this version changed one line ({@code CHANGED}, {@code ADDED}, {@code REMOVED}, {@code WAIVED}) and why. */
  @NamedInterface("api")
  public record Change(int lineNo, String kind, String reason) {}

  /** Sent and waiting for the applicant to accept or dispute it. */
  public boolean awaitingResponse() {
    return status == StatementStatus.ISSUED && version == currentVersion;
  }

  public boolean isCurrent() {
    return version == currentVersion;
  }

  /** The current version, as staff see it. */
  static StatementView of(String caseNumber, FeeStatement s, String invoiceNumber) {
    return of(caseNumber, s, s.currentVersion(), s.currentVersion(), invoiceNumber);
  }

  /**
   * Version {@code versionNo} of the statement (which must have it), for a reader who sees the versions up
   * to {@code latest} (the applicant: up to the one last sent).
   */
  static StatementView of(String caseNumber, FeeStatement s, int versionNo, int latest, String invoiceNumber) {
    FeeStatementVersion v = s.versionRecord(versionNo).orElseThrow();
    Set<Integer> changed =
        v.changes().stream()
            .filter(c -> c.kind() != FeeStatementVersion.ChangeKind.REMOVED)
            .map(FeeStatementVersion.Change::lineNo)
            .collect(Collectors.toSet());
    List<Line> lines =
        s.linesOf(versionNo).stream()
            .map(
                l ->
                    new Line(
                        l.lineNo(), l.kind().name(), l.usageItemId(), l.description(), l.instrumentClass(), l.itemKind(),
                        l.quantity().stripTrailingZeros(), l.unitCostYen(), l.chargeRate().stripTrailingZeros(),
                        l.ruleName(), l.taxClass().name(), l.amountYen(), changed.contains(l.lineNo()), l.grantedBy()))
            .toList();
    List<Change> changes = v.changes().stream().map(c -> new Change(c.lineNo(), c.kind().name(), c.reason())).toList();
    List<Integer> versions = s.versions().stream().map(FeeStatementVersion::versionNo).filter(n -> n <= latest).toList();
    return new StatementView(
        s.id(), caseNumber, s.status(), versionNo, latest, versions, v.createdAt(), s.currency(), lines, changes,
        v.subtotalYen(), s.taxRate().stripTrailingZeros(), v.taxYen(), v.totalYen(), s.issuedAt(), s.respondedAt(),
        s.disputeReason(), invoiceNumber);
  }
}
