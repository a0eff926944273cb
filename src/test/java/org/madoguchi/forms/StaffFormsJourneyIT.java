package org.madoguchi.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.EmbeddedZeebe;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the staff forms show and what the desk decides in them, on the real engine: the variables each
 * form reads exist, the team the forms name is stored, the confirmed category prices the fees, and a
 * consultation that comes back to the desk is due again from then.
 */
@MadoguchiIT
class StaffFormsJourneyIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;

  private Journey journey;
  private ProcessDriver engine;

  @BeforeEach
  void setUp() {
    engine = ProcessDriver.onEmbeddedEngine();
    journey = new Journey(engine, jdbc);
  }

  @Test
  void theDeskConfirmsAndNamesTheTeamAndEveryStaffFormFindsItsVariables() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Account desk = staff("desk-" + tag, "Desk Lead " + tag, StaffGroup.DESK);
    Account contact = staff("imaging-" + tag, "Imaging Contact " + tag, StaffGroup.unitCoordinators("imaging"));
    Account operator = staff("operator-" + tag, "Imaging Operator " + tag, StaffGroup.operators("imaging"));
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("requestedServices", List.of("imaging"));
    request.put("fastTrackReason", "Outbreak strain, results needed for the public-health response.");
    CaseRun run = journey.submit(applicant, request);

    engine.awaitUserTask(run.instance(), "Consultation");
    Map<String, JsonNode> atConsultation = variables(run);
    assertThat(atConsultation.get("staffCaseUrl").asText()).endsWith("/console/cases/" + run.caseNumber());
    assertThat(atConsultation.get("caseRequest").get("aims").asText()).isEqualTo(request.get("aims"));
    assertThat(atConsultation.get("caseRequest").get("fastTrackReason").asText()).startsWith("Outbreak strain");
    assertThat(atConsultation.get("deskStaff").findValuesAsText("value")).contains(desk.email());
    assertThat(atConsultation.get("unitStaff").get("imaging").findValuesAsText("value")).contains(contact.email());
    assertThat(atConsultation.get("operatorStaff").get("imaging").findValuesAsText("value")).contains(operator.email());

    journey.deskAsksForInformation(run, "Is the partner company funding this work?");
    journey.awaitStatus(run, "AWAITING_INFORMATION");
    assertThat(run.applicant().post("/api/cases/" + run.caseNumber() + "/information/reply", Map.of("reply", "Yes, fully."))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    engine.awaitPassed(run.instance(), "AwaitApplicantReply");
    engine.awaitUserTasks(run.instance(), "Consultation", 1);

    // The applicant declared academic and fast-track; the desk makes it industry without fast-track.
    Map<String, Object> consultation = new HashMap<>();
    consultation.put("consultationOutcome", "accept");
    consultation.put("plannedUnits", List.of("imaging"));
    consultation.put("supportPlan", "Confocal imaging under an industry agreement.");
    consultation.put("leadCoordinator", desk.email());
    consultation.put("unitContacts", Map.of("imaging", contact.email()));
    consultation.put("confirmedCategory", "industry");
    consultation.put("confirmedFastTrack", false);
    consultation.put("declarationChangeReason", "The work is funded by and done for the industry partner.");
    engine.complete(run.instance(), "Consultation", consultation);

    OpenUserTask acceptance = engine.awaitUserTask(run.instance(), "AcceptAssignment");
    assertThat(acceptance.priority()).as("priority follows the confirmed fast-track").isEqualTo(50);
    Map<String, Object> unit = new HashMap<>();
    unit.put("unitDecision", "accept");
    unit.put("leadOperator", operator.email());
    unit.put("estimatedHours", 2);
    unit.put("instrumentClass", "confocal");
    engine.complete(acceptance, unit);
    journey.unitBooksEarliestSlot(run, "imaging");
    journey.operatorRecordsSession(run, "imaging", 2,
        List.of(Journey.consumable("Live-cell dye", "reagent", 2, 12_000)), List.of(Journey.dataset("Confocal stacks", "images", 12)));

    engine.awaitUserTask(run.instance(), "FinanceReview");
    Map<String, JsonNode> atReview = variables(run);
    assertThat(atReview.get("feeItems").findValuesAsText("applicantCategory")).containsOnly("industry");
    assertThat(atReview.get("feeItems").findValues("fastTrack")).allSatisfy(v -> assertThat(v.asBoolean()).isFalse());
    long total = jdbc.queryForObject("select total_yen from fee_statements where case_id = ?", Long.class, run.caseId());
    assertThat(atReview.get("feeReview").get("total").asText()).isEqualTo(String.format("¥%,d", total));
    assertThat(atReview.get("feeReview").get("lines").findValuesAsText("usage")).anySatisfy(u -> assertThat(u).contains("Live-cell dye"));

    assertThat(jdbc.queryForMap("select confirmed_category, confirmed_fast_track, applicant_category from cases where id = ?", run.caseId()))
        .containsEntry("confirmed_category", "industry").containsEntry("confirmed_fast_track", false).containsEntry("applicant_category", "academic");
    assertThat(journey.timeline(run)).contains("declaration-confirmed");
    assertThat(jdbc.queryForList(
            "select concat(role, ':', unit_code, ':', member_email) from case_team_members where case_id = ? and ended_at is null order by role",
            String.class, run.caseId()))
        .containsExactly("LEAD_COORDINATOR::" + desk.email(), "LEAD_OPERATOR:imaging:" + operator.email(), "UNIT_CONTACT:imaging:" + contact.email());

    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");
    assertThat(journey.applicantAnswersStatement(run, "dispute", "The dye was supplied by us.").getStatusCode().is2xxSuccessful()).isTrue();
    engine.awaitUserTasks(run.instance(), "FinanceReview", 1);
    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");
    assertThat(journey.applicantAnswersStatement(run, "accept", null).getStatusCode().is2xxSuccessful()).isTrue();
    journey.awaitStatus(run, "DATA_DEPOSIT");
    engine.awaitActive(run.instance(), "AwaitDeposit");
    assertThat(journey.applicantDeposits(run, journey.datasetIds(run).getFirst()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    engine.awaitUserTask(run.instance(), "VerifyDeposit");
    Map<String, JsonNode> all = variables(run);
    assertThat(all.get("depositSummary").asText()).contains("Manifest", "movies/0001.tiff");

    // Each staff form reads only variables that the start, a worker, a decision or a mapping produced.
    Set<String> produced = new TreeSet<>(all.keySet());
    for (String form : StaffForms.NAMES) {
      assertThat(produced).as("variables read by forms/%s.form", form).containsAll(StaffForms.variablesRead(StaffForms.read(form)));
    }
  }

  @Test
  void aConsultationReopenedAfterTheApplicantsReplyIsDueAgainFromTheReply() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    ZonedDateTime firstDue = ZonedDateTime.parse(engine.awaitUserTask(run.instance(), "Consultation").dueDate());

    journey.deskAsksForInformation(run, "Which detergent is the protein in, and at what concentration?");
    journey.awaitStatus(run, "AWAITING_INFORMATION");
    engine.advanceTime(Duration.ofDays(10));
    assertThat(run.applicant().post("/api/cases/" + run.caseNumber() + "/information/reply", Map.of("reply", "DDM 0.03%, 5 mg/ml."))
        .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    engine.awaitPassed(run.instance(), "AwaitApplicantReply");

    OpenUserTask reopened = engine.awaitUserTasks(run.instance(), "Consultation", 1).getFirst();
    ZonedDateTime dueAgain = ZonedDateTime.parse(reopened.dueDate());
    assertThat(Duration.between(firstDue, dueAgain)).as("the full SLA again from the reply, ten engine days later")
        .isGreaterThanOrEqualTo(Duration.ofDays(10));
  }

  private Account staff(String name, String displayName, StaffGroup group) {
    Account account = accounts.ensure(name + "@staff.example", "not-used-" + UUID.randomUUID(), displayName, "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    return account;
  }

  /** The latest value of every variable in the case's instance tree (root, called and sub-process scopes). */
  private Map<String, JsonNode> variables(CaseRun run) {
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> latest = new HashMap<>();
    records().stream()
        .filter(r -> r.getValueType() == ValueType.VARIABLE && r.getRecordType() == RecordType.EVENT)
        .map(r -> (VariableRecordValue) ((Record<?>) r).getValue())
        .filter(v -> engine.rootInstance(v.getProcessInstanceKey()) == run.instance())
        .forEach(v -> {
          try {
            latest.put(v.getName(), json.readTree(v.getValue()));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return latest;
  }

  /** The engine's records so far; the engine appends while a test reads, so read again until a copy succeeds. */
  private static List<Record<?>> records() {
    while (true) {
      try {
        List<Record<?>> copy = new ArrayList<>();
        EmbeddedZeebe.start().records().forEach(copy::add);
        return copy;
      } catch (ConcurrentModificationException appendedMeanwhile) {
        Thread.onSpinWait();
      }
    }
  }
}
