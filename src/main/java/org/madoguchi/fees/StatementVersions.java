package org.madoguchi.fees;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
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
  private final FeesProperties properties;
  private final ZoneId zone;

  StatementVersions(
      FeeStatementRepository statements, CaseFile caseFile, FeesProperties properties, MadoguchiProperties madoguchi) {
    this.statements = statements;
    this.caseFile = caseFile;
    this.properties = properties;
    this.zone = madoguchi.timeZone();
  }

  /** The current version of the case's statement, drafts included. */
  @Transactional(readOnly = true)
  public Optional<StatementVersion> current(long caseId) {
    return statements.findByCaseId(caseId).map(this::view);
  }

  /** Every version of the case's statement, oldest first. */
  @Transactional(readOnly = true)
  public List<StatementVersion> history(long caseId) {
    return current(caseId).stream().toList();
  }

  /** Accepted statements whose acceptance is before {@code acceptedBefore}, oldest acceptance first. */
  @Transactional(readOnly = true)
  public List<StatementVersion> accepted(Instant acceptedBefore) {
    return statements.findAll().stream()
        .filter(s -> s.status() == StatementStatus.ACCEPTED && s.respondedAt().isBefore(acceptedBefore))
        .map(this::view)
        .toList();
  }

  private StatementVersion view(FeeStatement s) {
    ConsumptionTax tax = new ConsumptionTax(properties);
    List<StatementVersion.Line> lines =
        s.lines().stream()
            .map(
                l ->
                    new StatementVersion.Line(
                        l.lineNo(), "USAGE", l.usageItemId(), l.description(), l.itemKind(), l.instrumentClass(),
                        transactionDate(s, l), l.quantity(), l.unitCostYen(), l.chargeRate(),
                        l.ruleName(), TaxClass.STANDARD, l.amountYen(), null, null))
            .toList();
    return new StatementVersion(
        s.id(), s.caseId(), caseFile.get(s.caseId()).caseNumber(), 1, true, s.status(), s.assessedAt(), "system", null,
        feeSchedule(s), s.status() == StatementStatus.ACCEPTED ? s.respondedAt() : null, lines,
        tax.of(lines.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList()));
  }

  /** The day of the service; lines assessed before it was recorded fall back to the day of assessment. */
  private LocalDate transactionDate(FeeStatement s, FeeLine line) {
    return line.usedOn() != null ? line.usedOn() : s.assessedAt().atZone(zone).toLocalDate();
  }

  /** The fee table that priced the usage lines (one assessment, one table), or null when not recorded. */
  private static String feeSchedule(FeeStatement s) {
    return s.lines().stream().map(FeeLine::feeSchedule).filter(Objects::nonNull).findFirst().orElse(null);
  }
}
