package org.madoguchi.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole journeys on the real engine with the real workers, MariaDB and SMTP: each test walks one
 * case from submission to where its path ends and checks the case file on the way.
 */
@MadoguchiIT
class ResearchSupportJourneyIT {

  @Autowired Payers payers;
  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;

  private ProcessDriver engine;
  private Journey journey;

  @BeforeEach
  void setUp() {
    engine = ProcessDriver.onEmbeddedEngine();
    journey = new Journey(engine, jdbc);
  }

  /** Industry case: charged, the statement disputed then accepted, the deposit sent back then verified. */
  @Test
  void chargedCaseWithDisputeAndSendBackRunsToClosureAndFollowUp() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("applicantCategory", "industry");
    request.put("confidentiality", "confidential");
    request.put("requestedServices", List.of("cryo-em"));
    CaseRun run = journey.submit(applicant, request);

    // The unit-suggestion table pre-fills the plan; the desk accepts it.
    engine.awaitUserTask(run.instance(), "Consultation");
    journey.deskAccepts(run, "structure");
    journey.unitAccepts(run, "structure", 4, "cryo-em");
    engine.awaitUserTask(run.instance(), "InstrumentSession");
    Map<String, Object> booking = jdbc.queryForMap("select id, status from bookings where case_id = ?", run.caseId());
    assertThat(booking.get("status")).isEqualTo("RESERVED");
    assertThat(jdbc.queryForObject("select count(*) from booking_slots where booking_id = ?", Integer.class, booking.get("id"))).isEqualTo(8);

    journey.operatorRecordsSession(run, "structure", 4,
        List.of(Journey.consumable("Quantifoil R1.2/1.3 grids", "consumable", 10, 1_500), Journey.consumable("Nanobody reagent", "reagent", 1, 80_000)),
        List.of(Journey.dataset("Pump + inhibitor movies", "cryo-em-movies", 1200)));

    engine.awaitUserTask(run.instance(), "FinanceReview");
    long total = jdbc.queryForObject("select total_yen from fee_statements where case_id = ?", Long.class, run.caseId());
    assertThat(total).isPositive();
    assertThat(jdbc.queryForObject("select count(*) from fee_lines l join fee_statements s on s.id = l.statement_id where s.case_id = ?",
        Integer.class, run.caseId())).as("upkeep, two consumables, and operator time if operator-assisted").isBetween(3, 4);
    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");

    assertThat(journey.applicantAnswersStatement(run, "dispute", "The grids were supplied by us, please remove them.").getStatusCode()
        .is2xxSuccessful()).isTrue();
    engine.awaitUserTasks(run.instance(), "FinanceReview", 1);
    assertThat(engine.timesPassed(run.instance(), "FinanceReview")).isEqualTo(1);
    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");
    payers.save(run.caseId(), new PayerDetails("Example University", null, "Hana Mori", "accounts@u-example.ac.jp", "KAKENHI 23H01234",
        "PO-0042", PayerDetails.BillingCycle.PER_CASE), "journey");
    assertThat(journey.applicantAnswersStatement(run, "accept", null).getStatusCode().is2xxSuccessful()).isTrue();

    engine.awaitPassed(run.instance(), "IssueInvoice");
    assertThat(jdbc.queryForObject(
        "select i.invoice_number from invoices i join invoice_statements b on b.invoice_id = i.id join fee_statements s on s.id = b.statement_id"
            + " where s.case_id = ?", String.class, run.caseId())).matches("INV-\\d{4}-\\d{6}");
    journey.awaitStatus(run, "DATA_DEPOSIT");

    List<Long> datasets = journey.datasetIds(run);
    assertThat(datasets).hasSize(1);
    engine.awaitActive(run.instance(), "AwaitDeposit");
    assertThat(journey.applicantDeposits(run, datasets.getFirst()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    journey.stewardDecides(run, "send-back", "Checksums missing for half the movies.");
    await().atMost(ProcessDriver.TIMEOUT).until(() -> datasetStatus(datasets.getFirst()).equals("SENT_BACK"));
    engine.awaitActive(run.instance(), "AwaitDeposit");
    assertThat(journey.applicantDeposits(run, datasets.getFirst()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    journey.stewardDecides(run, "verified", "Complete.");

    engine.awaitPassed(run.instance(), "CloseCase");
    assertThat(journey.status(run)).isEqualTo("CLOSED");
    assertThat(datasetStatus(datasets.getFirst())).isEqualTo("VERIFIED");
    assertThat(jdbc.queryForObject("select status from bookings where case_id = ?", String.class, run.caseId())).isEqualTo("COMPLETED");
    assertThat(journey.mailTemplates(run)).containsSubsequence(
        "case-confirmation", "fee-statement", "invoice-issued", "deposit-open", "deposit-sent-back", "deposit-verified", "case-closed");

    engine.advanceTime(Duration.ofDays(181));
    engine.awaitInstanceEnded(run.instance());
    assertThat(engine.completed(run.instance())).isTrue();
    assertThat(engine.hasPassed(run.instance(), "CaseCompleted")).isTrue();
    await().atMost(ProcessDriver.TIMEOUT).until(() -> journey.mailTemplates(run).contains("outcome-follow-up"));
  }

  /**
   * Academic imaging case: nothing charged, a late deposit is reminded and escalated; the steward keeps
   * waiting, the applicant deposits late, and the steward exempts the dataset at verification.
   */
  @Test
  void freeAcademicCaseGetsANoChargeNoticeAndAnExemptedDatasetLetsItClose() {
    CaseRun run = journey.freeImagingCaseAwaitingDeposit(ApplicantClient.signUp(rest, accounts, apiTokens));

    assertThat(engine.hasPassed(run.instance(), "NotifyNoCharge")).isTrue();
    assertThat(engine.hasPassed(run.instance(), "FinanceReview")).isFalse();
    assertThat(jdbc.queryForObject("select total_yen from fee_statements where case_id = ?", Long.class, run.caseId())).isZero();
    engine.advanceTime(Duration.ofDays(7).plusHours(1));
    await().atMost(ProcessDriver.TIMEOUT).until(() -> journey.mailTemplates(run).contains("deposit-reminder"));
    engine.advanceTime(Duration.ofDays(24));
    await().atMost(ProcessDriver.TIMEOUT).until(() -> jdbc.queryForObject(
        "select count(*) from mail_outbox where template = 'deposit-escalation' and body like ?", Integer.class, "%" + run.caseNumber() + "%") > 0);

    // The escalation ends the wait and asks a steward; the steward gives the applicant more time.
    engine.awaitUserTask(run.instance(), "ReviewOverdueDeposit");
    assertThat(engine.isActive(run.instance(), "AwaitDeposit")).isFalse();
    journey.stewardReviewsOverdueDeposit(run, "keep-waiting", null);
    engine.awaitActive(run.instance(), "AwaitDeposit");

    // The applicant deposits late; the steward exempts the dataset (the acquisition turned out unusable).
    assertThat(journey.applicantDeposits(run, journey.datasetIds(run).getFirst()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    journey.stewardDecides(run, "exempt", "Acquisition failed, no usable data.");

    engine.awaitPassed(run.instance(), "CloseCase");
    assertThat(journey.status(run)).isEqualTo("CLOSED");
    assertThat(datasetStatus(journey.datasetIds(run).getFirst())).isEqualTo("EXEMPTED");
    assertThat(engine.hasPassed(run.instance(), "VerifyDeposit")).isTrue();
    assertThat(journey.mailTemplates(run)).contains("fee-no-charge", "deposit-open", "case-closed");
  }

  /** A unit returns the request: the desk sees why and re-plans with another unit. */
  @Test
  void aReturnedUnitSendsTheCaseBackToTheDeskWithTheReason() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());

    journey.deskAccepts(run, "structure", "medchem");
    journey.unitReturns(run, "medchem", "Hit-to-lead needs a confirmed binder first.");
    journey.unitAccepts(run, "structure", 2, "cryo-em");
    journey.operatorRecordsSession(run, "structure", 2, List.of(), List.of());

    engine.awaitUserTasks(run.instance(), "Consultation", 1);
    assertThat(engine.timesPassed(run.instance(), "Consultation")).isEqualTo(1);
    assertThat(engine.hasPassed(run.instance(), "ReturnedToDesk")).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from unit_assignments where case_id = ? and decision = 'return'", Integer.class, run.caseId()))
        .isEqualTo(1);

    journey.deskDeclines(run, "Binder not confirmed; please come back after the structure.");
    engine.awaitInstanceEnded(run.instance());
    assertThat(journey.status(run)).isEqualTo("DECLINED");
  }

  /** Cancellation before instrument use ends the case and frees its instrument time. */
  @Test
  void cancellingBeforeInstrumentUseReleasesTheBookingAndAfterwardsIsRefused() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    journey.deskAccepts(run, "structure");
    journey.unitAccepts(run, "structure", 3, "cryo-em");
    engine.awaitUserTask(run.instance(), "InstrumentSession");

    assertThat(applicant.post("/api/cases/" + run.caseNumber() + "/cancellation", Map.of("reason", "Funding withdrawn")).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    engine.awaitInstanceEnded(run.instance());
    assertThat(engine.hasPassed(run.instance(), "CaseCancelled")).isTrue();
    assertThat(journey.status(run)).isEqualTo("CANCELLED");
    assertThat(jdbc.queryForObject("select status from bookings where case_id = ?", String.class, run.caseId())).isEqualTo("CANCELLED");
    assertThat(jdbc.queryForObject("select count(*) from booking_slots s join bookings b on b.id = s.booking_id where b.case_id = ?",
        Integer.class, run.caseId())).isZero();
    assertThat(journey.mailTemplates(run)).contains("case-cancelled");
    assertThat(applicant.post("/api/cases/" + run.caseNumber() + "/cancellation", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  private String datasetStatus(long datasetId) {
    return jdbc.queryForObject("select status from datasets where id = ?", String.class, datasetId);
  }
}
