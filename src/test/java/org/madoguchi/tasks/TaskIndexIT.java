package org.madoguchi.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The index follows the engine: every user task a case meets is in it while Tasklist would list it,
 * with the group, due date and priority Tasklist shows, and closed once completed or cancelled.
 */
@MadoguchiIT
@RecordApplicationEvents
class TaskIndexIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired StaffTasks staffTasks;
  @Autowired TaskIndex index;
  @Autowired ApplicationEvents events;

  private ProcessDriver engine;
  private Journey journey;

  @BeforeEach
  void setUp() {
    engine = ProcessDriver.onEmbeddedEngine();
    journey = new Journey(engine, jdbc);
  }

  @Test
  void eachUserTaskOfAChargedCaseIsIndexedAsTasklistShowsItAndClosedWhenCompleted() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("applicantCategory", "industry");
    request.put("requestedServices", List.of("cryo-em"));
    CaseRun run = journey.submit(applicant, request);

    StaffTask consultation = assertIndexedAsShown(run, engine.awaitUserTask(run.instance(), "Consultation"), "Consultation at the desk");
    assertThat(consultation.candidateGroup()).isEqualTo("desk");
    assertThat(staffTasks.nextDueByCase(List.of(run.caseId(), -1L))).containsOnlyKeys(run.caseId());
    journey.deskAccepts(run, "structure");
    awaitClosed(consultation);

    StaffTask acceptance = assertIndexedAsShown(run, engine.awaitUserTask(run.instance(), "AcceptAssignment"), "Accept or return the request");
    assertThat(acceptance.candidateGroup()).isEqualTo("unit-structure");
    assertThat(acceptance.processInstanceKey()).as("a task of the called unit-support instance").isNotEqualTo(run.instance());
    assertThat(staffTasks.openForGroups(List.of("unit-structure"))).extracting(StaffTask::elementInstanceKey)
        .contains(acceptance.elementInstanceKey());
    assertThat(staffTasks.openForGroups(List.of("desk"))).extracting(StaffTask::caseId).doesNotContain(run.caseId());
    journey.unitAccepts(run, "structure", 4, "cryo-em");
    awaitClosed(acceptance);

    StaffTask session = assertIndexedAsShown(run, engine.awaitUserTask(run.instance(), "InstrumentSession"), "Record instrument session");
    assertThat(session.candidateGroup()).isEqualTo("operators-structure");
    journey.operatorRecordsSession(run, "structure", 4,
        List.of(Journey.consumable("Nanobody reagent", "reagent", 1, 80_000)), List.of(Journey.dataset("Movies", "cryo-em-movies", 100)));
    awaitClosed(session);

    StaffTask review = assertIndexedAsShown(run, engine.awaitUserTask(run.instance(), "FinanceReview"), "Review fee statement");
    assertThat(review.candidateGroup()).isEqualTo("finance");
    assertThat(review.isOverdue(review.dueAt().minusSeconds(1))).isFalse();
    assertThat(review.isOverdue(review.dueAt().plusSeconds(1))).isTrue();
    assertThat(staffTasks.overdue(review.dueAt().plusSeconds(1))).extracting(StaffTask::elementInstanceKey)
        .contains(review.elementInstanceKey());
    journey.financeApproves(run);
    awaitClosed(review);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");
    assertThat(journey.applicantAnswersStatement(run, "accept", null).getStatusCode().is2xxSuccessful()).isTrue();

    engine.awaitActive(run.instance(), "AwaitDeposit");
    assertThat(journey.applicantDeposits(run, journey.datasetIds(run).getFirst()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    StaffTask verification = assertIndexedAsShown(run, engine.awaitUserTask(run.instance(), "VerifyDeposit"), "Verify deposit");
    assertThat(verification.candidateGroup()).isEqualTo("data-stewards");
    journey.stewardDecides(run, "verified", "Complete.");
    awaitClosed(verification);

    assertThat(staffTasks.openForCase(run.caseId())).isEmpty();
    assertThat(staffTasks.historyForCase(run.caseId())).extracting(StaffTask::elementId)
        .containsExactly("Consultation", "AcceptAssignment", "ScheduleSession", "InstrumentSession", "FinanceReview", "VerifyDeposit");
  }

  @Test
  void aRepeatedListenerJobChangesNothing() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    OpenUserTask shown = engine.awaitUserTask(run.instance(), "Consultation");
    StaffTask task = assertIndexedAsShown(run, shown, "Consultation at the desk");
    events.clear();

    index.opened(new OpenedTask(task.elementInstanceKey(), task.processInstanceKey(), task.caseId(), task.processId(),
        task.elementId(), "Another name", "finance", Instant.now(), 1));
    assertThat(staffTasks.historyForCase(run.caseId())).containsExactly(task);

    journey.deskDeclines(run, "Outside the platform's remit.");
    StaffTask closed = awaitClosed(task);
    index.closed(task.elementInstanceKey());
    assertThat(staffTasks.historyForCase(run.caseId())).containsExactly(closed);
    assertThat(events.stream(StaffTaskOpened.class)).isEmpty();
    assertThat(events.stream(StaffTaskClosed.class)).isEmpty();
  }

  @Test
  void cancellingACaseClosesItsOpenTasks() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    StaffTask task = assertIndexedAsShown(run, engine.awaitUserTask(run.instance(), "Consultation"), "Consultation at the desk");

    assertThat(applicant.post("/api/cases/" + run.caseNumber() + "/cancellation", Map.of("reason", "Funding withdrawn")).getStatusCode())
        .isEqualTo(HttpStatus.ACCEPTED);

    engine.awaitInstanceEnded(run.instance());
    assertThat(staffTasks.openForCase(run.caseId())).isEmpty();
    assertThat(staffTasks.historyForCase(run.caseId()).getFirst().closedAt()).isNotNull();
    assertThat(staffTasks.historyForCase(run.caseId()).getFirst().elementInstanceKey()).isEqualTo(task.elementInstanceKey());
  }

  /** The open task of the index for this Tasklist task, with the same group, due date and priority. */
  private StaffTask assertIndexedAsShown(CaseRun run, OpenUserTask shown, String name) {
    StaffTask task = staffTasks.openForCase(run.caseId()).stream()
        .filter(t -> t.elementId().equals(shown.elementId()) && t.processInstanceKey() == shown.processInstanceKey())
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the index: " + shown));
    assertThat(task.caseId()).isEqualTo(run.caseId());
    assertThat(task.processId()).isEqualTo(shown.bpmnProcessId());
    assertThat(task.name()).isEqualTo(name);
    assertThat(List.of(task.candidateGroup())).isEqualTo(shown.candidateGroups());
    assertThat(task.dueAt()).isEqualTo(ZonedDateTime.parse(shown.dueDate()).toInstant().truncatedTo(ChronoUnit.MICROS));
    assertThat(task.priority()).isEqualTo(shown.priority());
    assertThat(task.isOpen()).isTrue();
    return task;
  }

  private StaffTask awaitClosed(StaffTask task) {
    return await("index closes " + task.elementId()).atMost(ProcessDriver.TIMEOUT)
        .until(() -> staffTasks.historyForCase(task.caseId()).stream()
                .filter(t -> t.elementInstanceKey() == task.elementInstanceKey()).findFirst().orElseThrow(),
            t -> !t.isOpen());
  }
}
