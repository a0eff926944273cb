package org.madoguchi.fees;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.SupportRequest;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test fixture (a plain object, so the shared test context stays unchanged): real cases submitted
 * through submissions, registered by the engine, then moved along the journey to where fee assessment
 * starts, and statements brought to the state a test needs.
 */
class FeeCases {

  static final String PASSWORD = "fees-test-password";

  record Applicant(long accountId, String email, String language) {}

  private final Accounts accounts;
  private final Submissions submissions;
  private final CaseFile caseFile;
  private final FeeAssessments assessments;
  private final StatementDelivery delivery;
  private final TransactionTemplate tx;

  FeeCases(
      Accounts accounts,
      Submissions submissions,
      CaseFile caseFile,
      FeeAssessments assessments,
      StatementDelivery delivery,
      TransactionTemplate tx) {
    this.accounts = accounts;
    this.submissions = submissions;
    this.caseFile = caseFile;
    this.assessments = assessments;
    this.delivery = delivery;
    this.tx = tx;
  }

  Applicant applicant(String language) {
    String email = "fees-" + UUID.randomUUID() + "@lab.example.ac.jp";
    Account account = accounts.ensure(email, PASSWORD, "Fees Tester", language, Set.of(Role.APPLICANT));
    return new Applicant(account.id(), email, language);
  }

  /** A submitted case, registered by the engine (it then waits in consultation), moved to IN_SUPPORT. */
  CaseSummary caseInSupport(Applicant applicant, String category) {
    SupportRequest request =
        new SupportRequest(
            "Fees Tester", "Example University", applicant.email(), category, applicant.language(), "Cryo-EM of a transporter",
            "Single-particle cryo-EM of a membrane transporter in nanodiscs.", "A 3 A map", null,
            List.of("cryo-em"), null, null, "open", null, true);
    CaseSummary submitted = submissions.submit(applicant.accountId(), request);
    long caseId = submitted.caseId();
    await("case " + submitted.caseNumber() + " registered by the engine")
        .atMost(Duration.ofSeconds(60))
        .until(() -> caseFile.get(caseId).status() == CaseStatus.IN_CONSULTATION);
    tx.executeWithoutResult(s -> caseFile.transition(
        caseId, CaseStatus.IN_SUPPORT, new CaseEvent.ConsultationAccepted(List.of("structure"), null), Actor.staff("desk")));
    return caseFile.get(caseId);
  }

  static List<FeeItem> industryItems(CaseSummary c) {
    return List.of(
        new FeeItem(1_000_001L, c.applicantCategory(), "cryo-em", "instrument-upkeep", c.fastTrack(), new BigDecimal("2.5"), 41_000, "Krios G4"),
        new FeeItem(1_000_002L, c.applicantCategory(), "cryo-em", "reagent", c.fastTrack(), new BigDecimal("2"), 9_999, "Grids"));
  }

  static List<FeeRule> fullCost(int n) {
    return java.util.Collections.nCopies(n, new FeeRule(BigDecimal.ONE, "industry-full-cost"));
  }

  /** A case whose statement (102,500 + 19,998 = 122,498 + tax 12,249 = 134,747 yen) awaits the applicant. */
  IssuedStatement issuedStatement(Applicant applicant, long jobKey) {
    CaseSummary c = caseInSupport(applicant, "industry");
    FeeAssessments.Result result = assessments.assess(c.caseId(), industryItems(c), fullCost(2));
    delivery.send(c.caseId(), result.statementId(), "Checked against the session log.", jobKey);
    return new IssuedStatement(caseFile.get(c.caseId()), result.statementId());
  }

  /** A payer an industry case can be invoiced to at once. */
  static PayerDetails completePayer() {
    return new PayerDetails("Pharma Example Co., Ltd.", "Research Planning", "Akira Ito", "ap@pharma.example.co.jp", null, "PO-2026-0042",
        PayerDetails.BillingCycle.PER_CASE);
  }

  record IssuedStatement(CaseSummary supportCase, long statementId) {}
}
