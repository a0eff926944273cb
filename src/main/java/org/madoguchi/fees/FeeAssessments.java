package org.madoguchi.fees;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.madoguchi.booking.UsageLedger;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.PageLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns a case's recorded use into fee items, and prices them into the case's fee statement. */
@Service
class FeeAssessments {

  /** What {@code fees.assess} hands back to the process; {@code statementEditUrl} is the staff statement page. */
  record Result(long statementId, long feeTotal, Map<String, Object> feeReview, String statementEditUrl) {}

  private final CaseFile caseFile;
  private final UsageLedger usageLedger;
  private final FeeStatementRepository statements;
  private final FeesProperties properties;
  private final ObjectProvider<FeeScheduleVersions> feeScheduleVersions;
  private final PageLinks links;
  private final Clock clock;

  FeeAssessments(
      CaseFile caseFile,
      UsageLedger usageLedger,
      FeeStatementRepository statements,
      FeesProperties properties,
      ObjectProvider<FeeScheduleVersions> feeScheduleVersions,
      PageLinks links,
      Clock clock) {
    this.caseFile = caseFile;
    this.usageLedger = usageLedger;
    this.statements = statements;
    this.properties = properties;
    this.feeScheduleVersions = feeScheduleVersions;
    this.links = links;
    this.clock = clock;
  }

  /** {@code fees.prepare}: the case enters fee assessment; its usage becomes the fee schedule's input. */
  @Transactional
  public List<FeeItem> prepare(long caseId) {
    caseFile.transition(caseId, CaseStatus.FEE_ASSESSMENT, new CaseEvent.FeeAssessmentStarted(), Actor.system());
    CaseSummary supportCase = caseFile.get(caseId);
    return FeeItem.of(supportCase, usageLedger.itemsForCase(caseId));
  }

  /**
   * {@code fees.assess}: prices the items with the schedule's rules and writes the case's statement.
   * Assessing again (a retried job, or a model that loops back here) replaces the lines of the same
   * statement, as long as the applicant has not accepted it.
   */
  @Transactional
  public Result assess(long caseId, List<FeeItem> items, List<FeeRule> rules) {
    // Priced first: bad input fails the job before anything is written.
    FeeCalculator.Assessment assessment = new FeeCalculator(properties.consumptionTaxRate()).assess(items, rules);
    // Locks the case row, so two deliveries of the job cannot both create a statement.
    caseFile.transition(caseId, CaseStatus.FEE_ASSESSMENT, new CaseEvent.FeeAssessmentStarted(), Actor.system());
    FeeStatement statement = statements.findByCaseIdForUpdate(caseId).orElseGet(() -> new FeeStatement(caseId));
    if (statement.id() != null) {
      // The old lines are deleted before the new ones, which reuse their line numbers, are inserted.
      statement.discardAssessedLines();
      statements.flush();
    }
    statement.assessed(assessment, currentFeeSchedule(), properties, clock.instant());
    statements.save(statement);
    caseFile.record(
        caseId,
        new CaseEvent.FeesAssessed(assessment.subtotalYen(), assessment.taxYen(), assessment.totalYen()),
        Actor.system(),
        "fees-assessed:" + caseId + ":" + fingerprint(assessment));
    return new Result(
        statement.id(), statement.totalYen(), FeeReviewRows.of(assessment), links.staffStatementPage(caseFile.get(caseId).caseNumber()));
  }

  /**
   * The fee table the schedule's rules came from: the one deployed latest, as the business rule task calls
   * the latest version. Null when nothing answers or the answer does not fit the column: never a guess.
   */
  private String currentFeeSchedule() {
    FeeScheduleVersions versions = feeScheduleVersions.getIfUnique();
    return versions == null
        ? null
        : versions.current().filter(version -> version.length() <= FeeScheduleVersions.MAX_LENGTH).orElse(null);
  }

  /** Identical assessments share an audit line; a different one gets its own. */
  private static String fingerprint(FeeCalculator.Assessment assessment) {
    int hash =
        Objects.hash(
            assessment.totalYen(),
            assessment.lines().stream()
                .map(l -> List.of(l.item().usageItemId(), l.amountYen(), l.rule().ruleName()))
                .toList());
    return assessment.totalYen() + ":" + assessment.lines().size() + ":" + Integer.toHexString(hash);
  }
}
