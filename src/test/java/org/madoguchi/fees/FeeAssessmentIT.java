package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Assessment and the automated statement steps against the real database: each step repeated changes nothing. */
@MadoguchiIT
class FeeAssessmentIT {

  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired TransactionTemplate tx;
  @Autowired StatementResponses responses;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired FeeStatementRepository statements;
  @Autowired CaseFile caseFile;
  @Autowired JdbcTemplate jdbc;
  @Autowired Payers payers;

  FeeCases cases;

  @BeforeEach
  void fixture() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
  }

  @Test
  void prepareMovesTheCaseToFeeAssessmentOnceAndListsItsUsage() {
    CaseSummary c = cases.caseInSupport(cases.applicant("ja"), "academic");

    List<FeeItem> first = assessments.prepare(c.caseId());
    List<FeeItem> second = assessments.prepare(c.caseId());

    assertThat(caseFile.get(c.caseId()).status()).isEqualTo(CaseStatus.FEE_ASSESSMENT);
    assertThat(second).isEqualTo(first);
    assertThat(first).allSatisfy(item -> assertThat(item.applicantCategory()).isEqualTo("academic"));
    assertThat(events(c.caseId(), "fee-assessment-started")).isEqualTo(1);
  }

  @Test
  void assessingTwiceKeepsOneStatementWithOneSetOfLines() {
    CaseSummary c = cases.caseInSupport(cases.applicant("en"), "industry");

    FeeAssessments.Result first = assessments.assess(c.caseId(), FeeCases.industryItems(c), FeeCases.fullCost(2));
    FeeAssessments.Result again = assessments.assess(c.caseId(), FeeCases.industryItems(c), FeeCases.fullCost(2));

    assertThat(again).isEqualTo(first);
    assertThat(first.feeTotal()).isEqualTo(134_747); // 122,498 + 12,249 tax
    assertThat(count("select count(*) from fee_statements where case_id = ?", c.caseId())).isEqualTo(1);
    assertThat(count("select count(*) from fee_lines where statement_id = ?", first.statementId())).isEqualTo(2);
    assertThat(events(c.caseId(), "fees-assessed")).isEqualTo(1);
    assertThat(caseFile.get(c.caseId()).status()).isEqualTo(CaseStatus.FEE_ASSESSMENT);

    // Re-assessed with other rules: the same statement, its lines replaced.
    List<FeeRule> shares = List.of(new FeeRule(new BigDecimal("0.3"), "upkeep-share"), new FeeRule(BigDecimal.ONE, "reagent-at-cost"));
    FeeAssessments.Result changed = assessments.assess(c.caseId(), FeeCases.industryItems(c), shares);

    assertThat(changed.statementId()).isEqualTo(first.statementId());
    FeeStatement statement = statements.findByCaseId(c.caseId()).orElseThrow();
    assertThat(statement.subtotalYen()).isEqualTo(30_750 + 19_998);
    assertThat(statement.taxYen()).isEqualTo(5_074);
    assertThat(changed.feeTotal()).isEqualTo(55_822);
    assertThat(count("select count(*) from fee_lines where statement_id = ?", first.statementId())).isEqualTo(2);
    assertThat(jdbc.queryForList("select rule_name from fee_lines where statement_id = ? order by line_no", String.class, first.statementId()))
        .containsExactly("upkeep-share", "reagent-at-cost");
    assertThat(count("select count(*) from fee_statements where case_id = ?", c.caseId())).isEqualTo(1);
  }

  @Test
  void mismatchedItemsAndRulesFailBeforeAnythingIsWritten() {
    CaseSummary c = cases.caseInSupport(cases.applicant("en"), "industry");

    assertThatThrownBy(() -> assessments.assess(c.caseId(), FeeCases.industryItems(c), FeeCases.fullCost(1)))
        .isInstanceOf(FeeInputException.class)
        .hasMessageContaining("feeItems has 2 entries but feeRules has 1");

    assertThat(count("select count(*) from fee_statements where case_id = ?", c.caseId())).isZero();
    assertThat(caseFile.get(c.caseId()).status()).isEqualTo(CaseStatus.IN_SUPPORT);
  }

  @Test
  void aZeroTotalGetsOneNoChargeNotice() {
    CaseSummary c = cases.caseInSupport(cases.applicant("ja"), "academic");
    List<FeeRule> free = List.of(new FeeRule(BigDecimal.ZERO, "academic-free"), new FeeRule(BigDecimal.ZERO, "fast-track-waiver"));
    FeeAssessments.Result result = assessments.assess(c.caseId(), FeeCases.industryItems(c), free);
    assertThat(result.feeTotal()).isZero();

    delivery.notifyNoCharge(c.caseId());
    delivery.notifyNoCharge(c.caseId());

    assertThat(statements.findById(result.statementId()).orElseThrow().status()).isEqualTo(StatementStatus.NO_CHARGE);
    assertThat(events(c.caseId(), "fee-no-charge")).isEqualTo(1);
    assertThat(mails(c.caseId(), "fee-no-charge")).singleElement().satisfies(m -> {
      assertThat((String) m.get("subject")).contains(c.caseNumber()).contains("ご負担なし");
      assertThat((String) m.get("body")).contains("0円");
    });
  }

  @Test
  void sendingIsOncePerJobAndRemindersOncePerTimerFiring() {
    FeeCases.IssuedStatement issued = cases.issuedStatement(cases.applicant("ja"), 501L);
    long caseId = issued.supportCase().caseId();

    delivery.send(caseId, issued.statementId(), "Checked against the session log.", 501L);

    FeeStatement statement = statements.findById(issued.statementId()).orElseThrow();
    assertThat(statement.status()).isEqualTo(StatementStatus.ISSUED);
    assertThat(statement.issueCount()).isEqualTo(1);
    assertThat(statement.financeNote()).isEqualTo("Checked against the session log.");
    assertThat(issued.supportCase().status()).isEqualTo(CaseStatus.AWAITING_STATEMENT_RESPONSE);
    assertThat(events(caseId, "statement-sent")).isEqualTo(1);
    assertThat(mails(caseId, "fee-statement")).singleElement().satisfies(m -> {
      assertThat((String) m.get("subject")).contains(issued.supportCase().caseNumber());
      assertThat((String) m.get("body"))
          .contains("合計（税込）　　　134,747円")
          .contains("1. Krios G4 (装置維持費)：2.5 × 41,000円 × 負担率100%（industry-full-cost）＝ 102,500円");
    });

    assertThat(delivery.remind(caseId, 601L)).isTrue();
    assertThat(delivery.remind(caseId, 601L)).isFalse();
    assertThat(delivery.remind(caseId, 602L)).isTrue();
    assertThat(events(caseId, "statement-reminder-sent")).isEqualTo(2);
    assertThat(mails(caseId, "statement-reminder")).hasSize(2);
  }

  @Test
  void onlyAnAcceptedStatementIsInvoicedAndOnlyOnce() {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 701L);
    long caseId = issued.supportCase().caseId();
    assertThatThrownBy(() -> delivery.issueInvoice(caseId, issued.statementId())).isInstanceOf(IllegalStateException.class);

    payers.save(caseId, FeeCases.completePayer(), applicant.email());
    responses.respond(issued.supportCase().caseNumber(), applicant.accountId(), new StatementResponseRequest("accept", null, 1));

    String number = delivery.issueInvoice(caseId, issued.statementId());
    String again = delivery.issueInvoice(caseId, issued.statementId());

    assertThat(number).matches("INV-\\d{4}-\\d{6}").isEqualTo(again);
    assertThat(count("select count(*) from invoice_statements where statement_id = ?", issued.statementId())).isEqualTo(1);
    assertThat(count("select i.total_yen from invoices i where i.invoice_number = ?", number)).isEqualTo(134_747);
    assertThat(events(caseId, "invoice-issued")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select attachments from mail_outbox where case_id = ? and template = 'invoice-issued'", String.class, caseId))
        .as("the mail carries the invoice's PDF").isEqualTo("billing-document " + number + " en");
    assertThat(mails(caseId, "invoice-issued")).singleElement().satisfies(m -> {
      assertThat((String) m.get("subject")).contains(number);
      assertThat((String) m.get("body")).contains("Amount due (tax included) 134,747 yen");
    });
  }

  @Test
  void anAcceptedStatementWaitsForTheBillingRunWhenThePayerIsMonthlyOrIncomplete() {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement monthly = cases.issuedStatement(applicant, 711L);
    FeeCases.IssuedStatement incomplete = cases.issuedStatement(applicant, 712L);
    PayerDetails complete = FeeCases.completePayer();
    payers.save(monthly.supportCase().caseId(), new PayerDetails(complete.institutionName(), null, null, complete.contactEmail(), null,
        complete.purchaseOrder(), PayerDetails.BillingCycle.MONTHLY), applicant.email());
    payers.save(incomplete.supportCase().caseId(), new PayerDetails("Pharma Example", null, null, "ap@pharma.example.co.jp", null,
        null, PayerDetails.BillingCycle.PER_CASE), applicant.email());

    for (FeeCases.IssuedStatement issued : List.of(monthly, incomplete)) {
      responses.respond(issued.supportCase().caseNumber(), applicant.accountId(), new StatementResponseRequest("accept", null, 1));

      assertThat(delivery.issueInvoice(issued.supportCase().caseId(), issued.statementId())).isEmpty();
      assertThat(count("select count(*) from invoice_statements where statement_id = ?", issued.statementId())).isZero();
      assertThat(mails(issued.supportCase().caseId(), "invoice-issued")).isEmpty();
    }
  }

  @Test
  void aStatementIsOnlyDeliveredForItsOwnCase() {
    FeeCases.IssuedStatement issued = cases.issuedStatement(cases.applicant("en"), 801L);
    CaseSummary other = cases.caseInSupport(cases.applicant("en"), "industry");

    assertThatThrownBy(() -> delivery.send(other.caseId(), issued.statementId(), null, 802L))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("belongs to case");
  }

  private List<java.util.Map<String, Object>> mails(long caseId, String template) {
    return jdbc.queryForList("select subject, body from mail_outbox where case_id = ? and template = ? order by id", caseId, template);
  }

  private long events(long caseId, String action) {
    return count("select count(*) from case_events where case_id = ? and action = ?", caseId, action);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
