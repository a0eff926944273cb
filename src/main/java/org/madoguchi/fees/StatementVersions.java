package org.madoguchi.fees;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseFile;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of fee statements by version, for invoices, documents and reports inside the fees module. */
@Service
public class StatementVersions {

  private final FeeStatementRepository statements;
  private final CaseFile caseFile;
  private final ZoneId zone;

  StatementVersions(FeeStatementRepository statements, CaseFile caseFile, MadoguchiProperties madoguchi) {
    this.statements = statements;
    this.caseFile = caseFile;
    this.zone = madoguchi.timeZone();
  }

  /** The current version of the case's statement, drafts included. */
  @Transactional(readOnly = true)
  public Optional<StatementVersion> current(long caseId) {
    return statements.findByCaseId(caseId).map(s -> view(s, s.currentVersion(), caseNumber(s)));
  }

  /** Every version of the case's statement, oldest first. */
  @Transactional(readOnly = true)
  public List<StatementVersion> history(long caseId) {
    return statements.findByCaseId(caseId).stream()
        .flatMap(s -> {
          String caseNumber = caseNumber(s);
          return s.versions().stream().map(v -> view(s, v.versionNo(), caseNumber));
        })
        .toList();
  }

  /** Version {@code versionNo} of the case's statement, if it has one. */
  @Transactional(readOnly = true)
  public Optional<StatementVersion> version(long caseId, int versionNo) {
    return statements.findByCaseId(caseId)
        .filter(s -> s.versionRecord(versionNo).isPresent())
        .map(s -> view(s, versionNo, caseNumber(s)));
  }

  /**
   * Accepted statements whose acceptance is before {@code acceptedBefore}, oldest acceptance first, each as
   * the version the applicant accepted (the current one: an accepted statement is never revised).
   */
  @Transactional(readOnly = true)
  public List<StatementVersion> accepted(Instant acceptedBefore) {
    return statements.findByStatusAndRespondedAtBeforeOrderByRespondedAt(StatementStatus.ACCEPTED, acceptedBefore).stream()
        .map(s -> view(s, s.currentVersion(), caseNumber(s)))
        .toList();
  }

  private String caseNumber(FeeStatement s) {
    return caseFile.get(s.caseId()).caseNumber();
  }

  private StatementVersion view(FeeStatement s, int versionNo, String caseNumber) {
    FeeStatementVersion v = s.versionRecord(versionNo).orElseThrow();
    boolean current = versionNo == s.currentVersion();
    List<StatementVersion.Line> lines =
        s.linesOf(versionNo).stream()
            .map(
                l ->
                    new StatementVersion.Line(
                        l.lineNo(), l.kind().name(), l.usageItemId(), l.description(), l.itemKind(), l.instrumentClass(),
                        transactionDate(s, l),
                        l.quantity(), l.unitCostYen(), l.chargeRate(), l.ruleName(), l.taxClass(), l.amountYen(),
                        changeReason(v, l), l.grantedBy()))
            .toList();
    return new StatementVersion(
        s.id(), s.caseId(), caseNumber, versionNo, current, current ? s.status() : v.supersededIn(), v.createdAt(),
        v.createdBy(), v.reason(), v.feeSchedule(),
        current && s.status() == StatementStatus.ACCEPTED ? s.respondedAt() : null, lines,
        v.tax().of(lines.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList()));
  }

  /** Why this version changed the line; null for a line it carried unchanged. */
  private static String changeReason(FeeStatementVersion v, FeeLine line) {
    return v.changes().stream()
        .filter(c -> c.lineNo() == line.lineNo() && c.kind() != FeeStatementVersion.ChangeKind.REMOVED)
        .map(FeeStatementVersion.Change::reason)
        .findFirst()
        .orElse(null);
  }

  /** The day of the service; lines without one (added before it was recorded) take the day of assessment. */
  private LocalDate transactionDate(FeeStatement s, FeeLine line) {
    return line.transactionDate() != null ? line.transactionDate() : s.assessedAt().atZone(zone).toLocalDate();
  }
}
