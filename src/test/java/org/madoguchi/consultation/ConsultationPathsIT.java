package org.madoguchi.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProblemDetails;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The consultation's three ways out, on the real engine: decline, a question answered, a question ignored. */
@MadoguchiIT
class ConsultationPathsIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;

  private Journey journey;
  private ProcessDriver engine;

  @org.junit.jupiter.api.BeforeEach
  void setUp() {
    engine = ProcessDriver.onEmbeddedEngine();
    journey = new Journey(engine, jdbc);
  }

  @Test
  void declineEndsTheCaseWithTheReasonMailedToTheApplicant() {
    CaseRun run = submit();

    journey.deskDeclines(run, "Outside the platform's remit: no structural component.");

    engine.awaitInstanceEnded(run.instance());
    assertThat(engine.hasPassed(run.instance(), "CaseDeclined")).isTrue();
    assertThat(journey.status(run)).isEqualTo("DECLINED");
    assertThat(journey.timeline(run)).endsWith("declined");
    assertThat(journey.mailTemplates(run)).containsExactly("case-confirmation", "case-declined");
    assertThat(jdbc.queryForObject("select outcome from consultation_decisions where case_id = ?", String.class, run.caseId()))
        .isEqualTo("decline");
  }

  @Test
  void questionWithReminderThenReplyReturnsTheCaseToTheDeskWithTheAnswer() {
    CaseRun run = submit();

    journey.deskAsksForInformation(run, "Which detergent is the protein in, and at what concentration?");
    engine.awaitActive(run.instance(), "AwaitApplicantReply");
    journey.awaitStatus(run, "AWAITING_INFORMATION");
    engine.advanceTime(Duration.ofDays(3).plusHours(1));
    await().atMost(ProcessDriver.TIMEOUT).until(() -> journey.mailTemplates(run).contains("info-reminder"));

    ResponseEntity<Map<String, Object>> reply = run.applicant().post(
        "/api/cases/" + run.caseNumber() + "/information/reply", Map.of("reply", "DDM 0.03%, protein at 5 mg/ml."));

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    engine.awaitPassed(run.instance(), "AwaitApplicantReply");
    assertThat(engine.awaitUserTasks(run.instance(), "Consultation", 1)).hasSize(1);
    journey.awaitStatus(run, "IN_CONSULTATION");
    assertThat(journey.timeline(run)).containsSubsequence("information-requested", "information-provided");
    assertThat(journey.mailTemplates(run)).containsSubsequence("case-confirmation", "info-request", "info-reminder");
    assertThat(jdbc.queryForObject("select reply from information_requests where case_id = ?", String.class, run.caseId()))
        .isEqualTo("DDM 0.03%, protein at 5 mg/ml.");

    // A second answer to the same question is refused, and so is an answer to another applicant's case.
    assertThat(run.applicant().post("/api/cases/" + run.caseNumber() + "/information/reply", Map.of("reply", "Once more."))
        .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    ApplicantClient stranger = ApplicantClient.signUp(rest, accounts, apiTokens);
    assertThat(stranger.post("/api/cases/" + run.caseNumber() + "/information/reply", Map.of("reply", "Not mine to answer."))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anEmptyReplyIsAFieldErrorAndChangesNothing() {
    CaseRun run = submit();
    journey.deskAsksForInformation(run, "Please send the expression construct.");
    journey.awaitStatus(run, "AWAITING_INFORMATION");

    ResponseEntity<Map<String, Object>> reply = run.applicant().post("/api/cases/" + run.caseNumber() + "/information/reply", Map.of("reply", " "));

    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(ProblemDetails.fields(reply)).containsOnly("reply");
    assertThat(journey.status(run)).isEqualTo("AWAITING_INFORMATION");
    assertThat(jdbc.queryForObject("select count(*) from workflow_commands where case_id = ? and kind = 'PUBLISH_MESSAGE'", Integer.class, run.caseId()))
        .isZero();
  }

  @Test
  void anUnansweredQuestionExpiresTheCase() {
    CaseRun run = submit();

    journey.deskAsksForInformation(run, "Can you provide 2 mg of protein?");
    engine.awaitActive(run.instance(), "AwaitApplicantReply");
    engine.advanceTime(Duration.ofDays(22));

    engine.awaitInstanceEnded(run.instance());
    assertThat(engine.hasPassed(run.instance(), "CaseExpired")).isTrue();
    journey.awaitStatus(run, "EXPIRED");
    assertThat(journey.mailTemplates(run)).contains("info-request", "case-expired");
  }

  private CaseRun submit() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    engine.awaitUserTask(run.instance(), "Consultation");
    return run;
  }
}
