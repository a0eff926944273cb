package org.madoguchi.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plays the people of the journey against the running application: the applicant through the REST
 * API, the staff through their Camunda user tasks (as Tasklist would complete them). Process tests
 * use it to bring a case to the point they examine.
 */
public final class Journey {

  /** One submitted case: who asked, its number and id, and its root process instance. */
  public record CaseRun(ApplicantClient applicant, String caseNumber, long caseId, long instance) {}

  private final ProcessDriver engine;
  private final JdbcTemplate jdbc;

  public Journey(ProcessDriver engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public ProcessDriver engine() {
    return engine;
  }

  public CaseRun submit(ApplicantClient applicant, Map<String, Object> request) {
    String caseNumber = applicant.submit(request);
    List<Long> keys =
        await().atMost(ProcessDriver.TIMEOUT)
            .until(() -> jdbc.queryForList("select process_instance_key from cases where case_number = ?", Long.class, caseNumber),
                found -> found.size() == 1 && found.getFirst() != null);
    long caseId = jdbc.queryForObject("select id from cases where case_number = ?", Long.class, caseNumber);
    return new CaseRun(applicant, caseNumber, caseId, keys.getFirst());
  }

  /**
   * An academic imaging case (free of charge) whose one confocal session produced one dataset, brought
   * to where the process waits for the applicant's deposit.
   */
  public CaseRun freeImagingCaseAwaitingDeposit(ApplicantClient applicant) {
    Map<String, Object> request = applicant.validRequest();
    request.put("requestedServices", List.of("imaging"));
    CaseRun run = submit(applicant, request);
    deskAccepts(run, "imaging");
    unitAccepts(run, "imaging", 2, "confocal");
    operatorRecordsSession(run, "imaging", 2, List.of(), List.of(dataset("Confocal stacks", "images", 20)));
    engine.awaitActive(run.instance(), "AwaitDeposit");
    return run;
  }

  public void deskAccepts(CaseRun run, String... units) {
    engine.complete(run.instance(), "Consultation", Map.of(
        "consultationOutcome", "accept", "plannedUnits", List.of(units), "supportPlan", "Plan agreed with the applicant."));
  }

  public void deskAsksForInformation(CaseRun run, String question) {
    engine.complete(run.instance(), "Consultation", Map.of("consultationOutcome", "request-info", "infoRequest", question));
  }

  public void deskDeclines(CaseRun run, String reason) {
    engine.complete(run.instance(), "Consultation", Map.of("consultationOutcome", "decline", "declineReason", reason));
  }

  /** The unit accepts and books the earliest free slot (the scheduling task's one-click option). */
  public void unitAccepts(CaseRun run, String unitCode, double hours, String instrumentClass) {
    unitAcceptsToPropose(run, unitCode, hours, instrumentClass);
    unitBooksEarliestSlot(run, unitCode);
  }

  /** The unit accepts; the process then waits in its scheduling task, where the coordinator may propose slots. */
  public void unitAcceptsToPropose(CaseRun run, String unitCode, double hours, String instrumentClass) {
    Map<String, Object> form = new HashMap<>();
    form.put("unitDecision", "accept");
    form.put("leadOperator", "Operator of " + unitCode);
    form.put("estimatedHours", hours);
    form.put("instrumentClass", instrumentClass);
    form.put("preferredStart", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(14).toString());
    engine.complete(taskFor(run, "AcceptAssignment", "unit-" + unitCode), form);
  }

  /** The unit's coordinator completes the scheduling task with the earliest free slot. */
  public void unitBooksEarliestSlot(CaseRun run, String unitCode) {
    engine.complete(taskFor(run, "ScheduleSession", "unit-" + unitCode), Map.of("sessionScheduling", "earliest"));
  }

  public void unitReturns(CaseRun run, String unitCode, String reason) {
    engine.complete(taskFor(run, "AcceptAssignment", "unit-" + unitCode), Map.of("unitDecision", "return", "returnReason", reason));
  }

  /** The operator records the session; consumables and datasets as the instrument-session form sends them. */
  public void operatorRecordsSession(
      CaseRun run, String unitCode, double actualHours, List<Map<String, Object>> consumables, List<Map<String, Object>> datasets) {
    Map<String, Object> form = new HashMap<>();
    form.put("actualHours", actualHours);
    form.put("consumables", consumables);
    form.put("elnReference", "ELN-2026-0042");
    form.put("datasets", datasets);
    form.put("sessionNotes", "Session went as planned.");
    engine.complete(taskFor(run, "InstrumentSession", "operators-" + unitCode), form);
  }

  public void financeApproves(CaseRun run) {
    engine.complete(run.instance(), "FinanceReview", Map.of("financeApproved", true, "financeNote", "Checked against usage."));
  }

  /** The applicant answers the statement version they were last sent. */
  public ResponseEntity<Map<String, Object>> applicantAnswersStatement(CaseRun run, String decision, String disputeReason) {
    Object version = run.applicant().get("/api/cases/" + run.caseNumber() + "/statement").getBody().get("version");
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("disputeReason", disputeReason);
    body.put("version", version);
    return run.applicant().post("/api/cases/" + run.caseNumber() + "/statement/response", body);
  }

  /** The applicant deposits the dataset with a small valid manifest. */
  public ResponseEntity<Map<String, Object>> applicantDeposits(CaseRun run, long datasetId) {
    return run.applicant().post("/api/cases/" + run.caseNumber() + "/datasets/" + datasetId + "/deposit", deposit());
  }

  /** A valid deposit as the applicant API takes it: metadata and a one-file manifest. */
  public static Map<String, Object> deposit() {
    Map<String, Object> deposit = new HashMap<>();
    deposit.put("title", "Cryo-EM movies of the pump");
    deposit.put("description", "Raw movies and the final map.");
    deposit.put("licence", "CC-BY-4.0");
    deposit.put("embargo", "until-publication");
    deposit.put("publicAccession", "EMPIAR-12345");
    deposit.put("files", List.of(Map.of("path", "movies/0001.tiff", "sizeBytes", 1024, "sha256", "a".repeat(64))));
    return deposit;
  }

  public void stewardDecides(CaseRun run, String verification, String note) {
    Map<String, Object> form = new HashMap<>();
    form.put("verification", verification);
    form.put("stewardNote", note);
    engine.complete(run.instance(), "VerifyDeposit", form);
  }

  /** The steward's answer to an overdue deposit (ReviewOverdueDeposit): {@code keep-waiting} or {@code exempt} with a note. */
  public void stewardReviewsOverdueDeposit(CaseRun run, String verification, String note) {
    Map<String, Object> form = new HashMap<>();
    form.put("verification", verification);
    if (note != null) {
      form.put("stewardNote", note);
    }
    engine.complete(run.instance(), "ReviewOverdueDeposit", form);
  }

  public String status(CaseRun run) {
    return jdbc.queryForObject("select status from cases where id = ?", String.class, run.caseId());
  }

  public void awaitStatus(CaseRun run, String status) {
    await("case status " + status).atMost(ProcessDriver.TIMEOUT).until(() -> status(run), status::equals);
  }

  public List<Long> datasetIds(CaseRun run) {
    return jdbc.queryForList("select id from datasets where case_id = ? order by id", Long.class, run.caseId());
  }

  /** The audit trail's actions, oldest first. */
  public List<String> timeline(CaseRun run) {
    return jdbc.queryForList("select action from case_events where case_id = ? order by occurred_at, id", String.class, run.caseId());
  }

  public List<String> mailTemplates(CaseRun run) {
    return jdbc.queryForList("select template from mail_outbox where case_id = ? order by id", String.class, run.caseId());
  }

  public static Map<String, Object> consumable(String item, String kind, double quantity, long unitCostYen) {
    return Map.of("item", item, "kind", kind, "quantity", quantity, "unitCostYen", unitCostYen);
  }

  public static Map<String, Object> dataset(String title, String dataType, double sizeGb) {
    return Map.of("title", title, "dataType", dataType, "sizeGb", sizeGb);
  }

  private OpenUserTask taskFor(CaseRun run, String elementId, String candidateGroup) {
    return await(elementId + " for " + candidateGroup).atMost(ProcessDriver.TIMEOUT)
        .until(() -> engine.openUserTasks(run.instance(), elementId).stream()
                .filter(t -> t.candidateGroups().contains(candidateGroup)).toList(),
            tasks -> !tasks.isEmpty())
        .getFirst();
  }
}
