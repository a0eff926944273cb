package org.madoguchi.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A dataset that is never deposited: after 30 days the wait ends, the desk is told and a data steward
 * decides to keep waiting (the wait, its reminders and the escalation start again) or to exempt the
 * dataset, which lets the case close.
 */
@MadoguchiIT
class DepositOverdueIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired MadoguchiProperties properties;

  private ProcessDriver engine;
  private Journey journey;

  @BeforeEach
  void setUp() {
    engine = ProcessDriver.onEmbeddedEngine();
    journey = new Journey(engine, jdbc);
  }

  @Test
  void aNeverDepositedDatasetIsReviewedAfterThirtyDaysKeptWaitingOnceThenExemptedAndTheCaseCloses() {
    CaseRun run = journey.freeImagingCaseAwaitingDeposit(ApplicantClient.signUp(rest, accounts, apiTokens));
    List<Long> datasets = journey.datasetIds(run);
    assertThat(datasets).hasSize(1);
    long datasetId = datasets.getFirst();

    // 31 days without a deposit: the desk is mailed and a steward gets the overdue review.
    engine.advanceTime(Duration.ofDays(31));
    await().atMost(ProcessDriver.TIMEOUT).until(() -> escalationMails(run) > 0);
    assertThat(jdbc.queryForObject("select recipient from mail_outbox where case_id = ? and template = 'deposit-escalation'",
        String.class, run.caseId())).isEqualTo(properties.deskAddress());
    OpenUserTask review = engine.awaitUserTask(run.instance(), "ReviewOverdueDeposit");
    assertThat(review.candidateGroups()).containsExactly("data-stewards");
    assertThat(review.dueDate()).isNotBlank();
    assertThat(engine.isActive(run.instance(), "AwaitDeposit")).as("the escalation interrupts the wait").isFalse();
    assertThat(datasetStatus(datasetId)).isEqualTo("AWAITING_DEPOSIT");

    // Keep waiting: the dataset waits for its deposit again, nothing is recorded against it.
    journey.stewardReviewsOverdueDeposit(run, "keep-waiting", null);
    engine.awaitActive(run.instance(), "AwaitDeposit");
    assertThat(datasetStatus(datasetId)).isEqualTo("AWAITING_DEPOSIT");
    assertThat(engine.hasPassed(run.instance(), "RecordVerification")).isFalse();
    assertThat(reviews(datasetId)).isZero();

    // Another 31 days: the escalation fires again and a second review opens (the desk mail goes once per dataset).
    engine.advanceTime(Duration.ofDays(31));
    await().atMost(ProcessDriver.TIMEOUT).until(() -> engine.timesPassed(run.instance(), "EscalateDeposit") == 2);
    engine.awaitUserTask(run.instance(), "ReviewOverdueDeposit");
    assertThat(engine.timesPassed(run.instance(), "ReviewOverdueDeposit")).isEqualTo(1);
    assertThat(escalationMails(run)).isEqualTo(1);

    // Exempt: recorded with the steward's note, the dataset settles and the case closes.
    journey.stewardReviewsOverdueDeposit(run, "exempt", "Acquisition failed, no usable data.");
    engine.awaitPassed(run.instance(), "CloseCase");
    assertThat(journey.status(run)).isEqualTo("CLOSED");
    assertThat(datasetStatus(datasetId)).isEqualTo("EXEMPTED");
    assertThat(engine.timesPassed(run.instance(), "RecordVerification")).isEqualTo(1);
    assertThat(engine.hasPassed(run.instance(), "VerifyDeposit")).isFalse();
    assertThat(engine.hasPassed(run.instance(), "DepositsComplete")).isTrue();
    assertThat(jdbc.queryForObject("select steward_note from dataset_reviews where dataset_id = ?", String.class, datasetId))
        .isEqualTo("Acquisition failed, no usable data.");
    assertThat(jdbc.queryForObject("select count(*) from deposits where dataset_id = ?", Integer.class, datasetId)).isZero();
    assertThat(journey.timeline(run)).contains("deposit-escalated", "dataset-exempted");
    assertThat(journey.mailTemplates(run)).contains("fee-no-charge", "deposit-open", "case-closed");
  }

  private int escalationMails(CaseRun run) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where case_id = ? and template = 'deposit-escalation'", Integer.class, run.caseId());
  }

  private int reviews(long datasetId) {
    return jdbc.queryForObject("select count(*) from dataset_reviews where dataset_id = ?", Integer.class, datasetId);
  }

  private String datasetStatus(long datasetId) {
    return jdbc.queryForObject("select status from datasets where id = ?", String.class, datasetId);
  }

  /** A deposit made while the overdue review is open reaches the process when the steward keeps waiting. */
  @Test
  void aDepositMadeDuringTheOverdueReviewIsVerifiedAfterTheStewardKeepsWaiting() {
    CaseRun run = journey.freeImagingCaseAwaitingDeposit(ApplicantClient.signUp(rest, accounts, apiTokens));
    long datasetId = journey.datasetIds(run).getFirst();

    engine.advanceTime(Duration.ofDays(31));
    engine.awaitUserTask(run.instance(), "ReviewOverdueDeposit");
    assertThat(journey.applicantDeposits(run, datasetId).getStatusCode().is2xxSuccessful()).isTrue();
    // The steward takes a few days over the review: longer than a default one-day message TTL.
    engine.advanceTime(Duration.ofDays(3));
    journey.stewardReviewsOverdueDeposit(run, "keep-waiting", null);

    engine.awaitUserTask(run.instance(), "VerifyDeposit");
    journey.stewardDecides(run, "verified", "Complete.");
    engine.awaitPassed(run.instance(), "CloseCase");
    assertThat(journey.status(run)).isEqualTo("CLOSED");
  }
}
