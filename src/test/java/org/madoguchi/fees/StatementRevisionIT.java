package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Revisable statements: each submission of edits or a waiver is a new version, the older ones stay as they
 * were; the applicant answers a named version; bad input, a stale version, a closed statement and a second
 * answer are refused naming the field or the current version, with nothing written.
 */
@MadoguchiIT
class StatementRevisionIT {

  private static final Actor FINANCE = Actor.staff("finance", "Fumi Finance");

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Submissions submissions;
  @Autowired CaseFile caseFile;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired StatementResponses responses;
  @Autowired StatementRevisions revisions;
  @Autowired StatementVersions versions;
  @Autowired FeeStatementRepository statements;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  FeeCases cases;

  @BeforeEach
  void fixture() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
  }

  /** Line 1 of the fixture: 2.5 h of Krios at 41,000 yen, full cost (102,500 yen); line 2: grids, 19,998 yen. */
  @Test
  void financeRevisesADisputedStatementAndTheApplicantAcceptsVersionTwo() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 2_001L);
    long caseId = issued.supportCase().caseId();
    String caseNumber = issued.supportCase().caseNumber();
    responses.respond(caseNumber, applicant.accountId(), new StatementResponseRequest("dispute", "We used the microscope for 2 hours.", 1));

    StatementRevisions.Revised revised = revisions.revise(caseId, new StatementRevisions.Revision(1,
        List.of(new StatementRevisions.LineEdit(1, new BigDecimal("2"), null, null, false, "The session log shows 2 h.")),
        List.of(new StatementRevisions.NewLine("Extra grids", new BigDecimal("1"), 5_000L, TaxClass.REDUCED, LocalDate.of(2026, 4, 1), "Grids were not on the assessment"))),
        FINANCE);

    assertThat(revised.version()).isEqualTo(2);
    // 82,000 + 19,998 = 101,998 standard (tax 10,199) + 5,000 reduced (tax 400)
    assertThat(revised.totalYen()).isEqualTo(101_998 + 10_199 + 5_000 + 400);
    List<StatementVersion> history = versions.history(caseId);
    assertThat(history).extracting(StatementVersion::version).containsExactly(1, 2);
    assertThat(history.get(0).lines()).extracting(StatementVersion.Line::amountYen).containsExactly(102_500L, 19_998L);
    assertThat(history.get(0).current()).isFalse();
    assertThat(history.get(0).status()).isEqualTo(StatementStatus.DISPUTED);
    StatementVersion two = history.get(1);
    assertThat(two.lines()).extracting(StatementVersion.Line::amountYen).containsExactly(82_000L, 19_998L, 5_000L);
    assertThat(two.lines()).extracting(StatementVersion.Line::kind).containsExactly("ADJUSTMENT", "USAGE", "ADJUSTMENT");
    assertThat(two.lines().get(0).changeReason()).isEqualTo("The session log shows 2 h.");
    assertThat(two.lines().get(1).changeReason()).isNull();
    assertThat(two.lines().get(2).taxClass()).isEqualTo(TaxClass.REDUCED);
    assertThat(two.tax().perRate()).extracting(ConsumptionTax.RateTotal::taxYen).containsExactly(10_199L, 400L);
    assertThat(two.createdBy()).isEqualTo("staff:finance:Fumi Finance");
    assertThat(two.reason()).contains("The session log shows 2 h.", "Grids were not on the assessment");
    assertThat(events(caseId, "statement-revised")).isEqualTo(1);
    // Finance's revision of a disputed statement is not the applicant's yet: they still see version 1.
    assertThat(getStatement(applicant, caseNumber, "").getBody().get("version").asInt()).isEqualTo(1);

    delivery.send(caseId, issued.statementId(), null, 2_002L);
    assertThat(mails(caseId).getLast().get("subject").toString()).contains("version 2");
    JsonNode shown = getStatement(applicant, caseNumber, "").getBody();
    assertThat(shown.get("version").asInt()).isEqualTo(2);
    assertThat(shown.get("versions")).extracting(JsonNode::asInt).containsExactly(1, 2);
    assertThat(shown.at("/lines/0/changed").asBoolean()).isTrue();
    assertThat(shown.at("/lines/1/changed").asBoolean()).isFalse();
    assertThat(shown.at("/changes/0/reason").asText()).isEqualTo("The session log shows 2 h.");
    assertThat(getStatement(applicant, caseNumber, "?version=1").getBody().at("/lines/0/amountYen").asLong()).isEqualTo(102_500);

    // Answering version 1 while version 2 is current: 409 naming version 2, nothing written.
    ResponseEntity<JsonNode> stale = answer(applicant, caseNumber, "{\"decision\":\"accept\",\"version\":1}");
    assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(stale.getBody().get("currentVersion").asInt()).isEqualTo(2);
    assertThat(statements.findById(issued.statementId()).orElseThrow().status()).isEqualTo(StatementStatus.ISSUED);

    assertThat(answer(applicant, caseNumber, "{\"decision\":\"accept\",\"version\":2}").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> twice = answer(applicant, caseNumber, "{\"decision\":\"accept\",\"version\":2}");
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(events(caseId, "statement-accepted")).isEqualTo(1);
    assertThat(versions.accepted(Instant.now().plusSeconds(60)))
        .filteredOn(v -> v.caseId() == caseId)
        .singleElement()
        .satisfies(v -> {
          assertThat(v.version()).isEqualTo(2);
          assertThat(v.acceptedAt()).isNotNull();
        });

    // After acceptance: no more versions (409), nothing written.
    long linesBefore = count("select count(*) from fee_lines where statement_id = ?", issued.statementId());
    assertThatThrownBy(() -> revisions.revise(caseId, new StatementRevisions.Revision(2,
        List.of(new StatementRevisions.LineEdit(2, BigDecimal.ONE, null, null, false, "late change")), List.of()), FINANCE))
        .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("fees.revision.closed.ACCEPTED"));
    assertThat(count("select count(*) from fee_lines where statement_id = ?", issued.statementId())).isEqualTo(linesBefore);
  }

  @Test
  void aRevisionOfASentStatementIsMailedAgainAndTheCaseKeepsWaiting() {
    FeeCases.Applicant applicant = cases.applicant("ja");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 2_101L);
    long caseId = issued.supportCase().caseId();

    revisions.revise(caseId, new StatementRevisions.Revision(1,
        List.of(new StatementRevisions.LineEdit(2, null, null, null, true, "Grids were supplied by the applicant")), List.of()), FINANCE);

    FeeStatement statement = statements.findById(issued.statementId()).orElseThrow();
    assertThat(statement.status()).isEqualTo(StatementStatus.ISSUED);
    assertThat(statement.issuedVersion()).isEqualTo(2);
    assertThat(statement.totalYen()).isEqualTo(102_500 + 10_250);
    assertThat(caseFile.get(caseId).status()).isEqualTo(CaseStatus.AWAITING_STATEMENT_RESPONSE);
    assertThat(mails(caseId)).hasSize(2);
    assertThat(mails(caseId).getLast().get("subject").toString()).contains("第2版");
    assertThat(jdbc.queryForList("select change_kind from fee_statement_changes c join fee_statement_versions v on v.id = c.version_id "
        + "where v.statement_id = ? and v.version_no = 2", String.class, issued.statementId())).containsExactly("REMOVED");
  }

  @Test
  void twoOfficersEditingTheSameVersionConcurrentlyOneWinsTheOtherGets409WithTheCurrentVersion() throws Exception {
    FeeCases.IssuedStatement issued = cases.issuedStatement(cases.applicant("en"), 2_201L);
    long caseId = issued.supportCase().caseId();
    Callable<Object> first = () -> revisions.revise(caseId, new StatementRevisions.Revision(1,
        List.of(new StatementRevisions.LineEdit(1, new BigDecimal("2"), null, null, false, "2 h by the log")), List.of()), FINANCE);
    Callable<Object> second = () -> revisions.revise(caseId, new StatementRevisions.Revision(1,
        List.of(new StatementRevisions.LineEdit(2, new BigDecimal("1"), null, null, false, "1 box of grids")), List.of()),
        Actor.staff("finance", "Second Officer"));
    List<Object> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> running = pool.invokeAll(List.of(first, second));
      for (Future<Object> future : running) {
        try {
          outcomes.add(future.get());
        } catch (java.util.concurrent.ExecutionException e) {
          outcomes.add(e.getCause());
        }
      }
    } finally {
      pool.shutdown();
    }
    assertThat(outcomes).filteredOn(o -> o instanceof StatementRevisions.Revised).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o instanceof StateConflictException).singleElement()
        .satisfies(o -> assertThat(((StateConflictException) o).properties()).containsEntry("currentVersion", 2));
    assertThat(count("select count(*) from fee_statement_versions where statement_id = ?", issued.statementId())).isEqualTo(2);
  }

  @Test
  void waiversAreNegativeLinesNamingWhoGrantedThemAndTheTotalNeverGoesBelowZero() {
    FeeCases.IssuedStatement issued = cases.issuedStatement(cases.applicant("en"), 2_301L);
    long caseId = issued.supportCase().caseId();
    Actor desk = Actor.staff("desk", "Dai Desk");

    revisions.waive(caseId, new StatementRevisions.Waiver(1, 2, "Grids from a cancelled order"), desk);
    StatementVersion two = versions.current(caseId).orElseThrow();
    assertThat(two.lines()).extracting(StatementVersion.Line::kind).containsExactly("USAGE", "USAGE", "WAIVER");
    StatementVersion.Line waiver = two.lines().get(2);
    assertThat(waiver.amountYen()).isEqualTo(-19_998);
    assertThat(waiver.grantedBy()).isEqualTo("staff:desk:Dai Desk");
    assertThat(waiver.changeReason()).isEqualTo("Grids from a cancelled order");
    assertThat(two.subtotalYen()).isEqualTo(102_500);
    assertThatThrownBy(() -> revisions.waive(caseId, new StatementRevisions.Waiver(2, 2, "the same line again"), desk))
        .as("a line is waived once").isInstanceOf(org.madoguchi.common.web.RuleViolationException.class);

    // With both lines free, the waiver would leave a total below zero: 422, nothing written.
    assertThatThrownBy(() -> revisions.revise(caseId, new StatementRevisions.Revision(2,
        List.of(new StatementRevisions.LineEdit(1, null, 0L, null, false, "free after all"),
            new StatementRevisions.LineEdit(2, null, 0L, null, false, "free after all")), List.of()), FINANCE))
        .isInstanceOfSatisfying(org.madoguchi.common.web.RuleViolationException.class,
            e -> assertThat(e.violations().getFirst().rule()).isEqualTo("negative-total"));

    revisions.waive(caseId, new StatementRevisions.Waiver(2, null, "Fast-track support for an outbreak"), desk);
    StatementVersion three = versions.current(caseId).orElseThrow();
    assertThat(three.totalYen()).isZero();
    assertThat(three.lines().getLast().amountYen()).isEqualTo(-102_500);
    assertThat(events(caseId, "fee-waived")).isEqualTo(2);
    assertThatThrownBy(() -> revisions.waive(caseId, new StatementRevisions.Waiver(3, null, "again"), desk))
        .isInstanceOf(org.madoguchi.common.web.RuleViolationException.class);
    assertThat(count("select count(*) from fee_statement_versions where statement_id = ?", issued.statementId())).isEqualTo(3);
  }

  /** The finance page refuses each bad field with its message next to the field (HTML), nothing written. */
  @Test
  void badInputOnTheStatementPageIsRefusedAtTheFieldAndNothingIsWritten() {
    FeeCases.IssuedStatement issued = cases.issuedStatement(cases.applicant("en"), 2_401L);
    String page = "/console/cases/" + issued.supportCase().caseNumber() + "/statement";
    PortalSession finance = staff(StaffGroup.FINANCE);
    assertThat(finance.get(page).statusCode()).isEqualTo(200);
    Map<String, Object> before = snapshot(issued.statementId());

    Map<String, String> lineIsUnchanged = lines("1", "2.5", "41000", "1", "", "2", "2", "9999", "1", "");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].quantity", "-1", "lines[0].reason", "why"), 400, "error-0-quantity");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].quantity", "1000001", "lines[0].reason", "why"), 400, "error-0-quantity");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].quantity", "1.23456", "lines[0].reason", "why"), 400, "error-0-quantity");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].quantity", "lots", "lines[0].reason", "why"), 400, "error-0-quantity");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].unitPriceYen", "-5", "lines[0].reason", "why"), 400, "error-0-unitPriceYen");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].unitPriceYen", "100000001", "lines[0].reason", "why"), 400, "error-0-unitPriceYen");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].chargeRate", "1.5", "lines[0].reason", "why"), 400, "error-0-chargeRate");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].quantity", "2"), 400, "error-0-reason");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[0].quantity", "2", "lines[0].reason", "x".repeat(501)), 400, "error-0-reason");
    assertRefused(finance, page, with(lineIsUnchanged, "lines[1].lineNo", "9", "lines[1].remove", "true", "lines[1].reason", "why"), 400, null);
    assertRefused(finance, page, lineIsUnchanged, 400, "error-lines");
    assertRefused(finance, page, with(lineIsUnchanged, "added[0].description", "Extra", "added[0].reason", "why"), 400, "error-added-quantity");
    assertRefused(finance, page, with(lineIsUnchanged, "basedOnVersion", "7", "lines[0].quantity", "2", "lines[0].reason", "why"), 409, "statement-refused");
    assertRefused(finance, page + "/waivers", Map.of("basedOnVersion", "1", "lineNo", "1", "reason", ""), 400, "error-waiver-reason");
    assertRefused(finance, page + "/waivers", Map.of("basedOnVersion", "1", "lineNo", "1", "reason", "x".repeat(501)), 400, "error-waiver-reason");
    assertThat(snapshot(issued.statementId())).isEqualTo(before);

    // The desk may waive, not revise; other staff do not get the page.
    assertThat(staff(StaffGroup.DESK).postForm(page + "/revisions", with(lineIsUnchanged, "lines[0].quantity", "2", "lines[0].reason", "why"))
        .statusCode()).isEqualTo(403);
    assertThat(staff(StaffGroup.DATA_STEWARDS).get(page).statusCode()).isIn(403, 404);
    assertThat(snapshot(issued.statementId())).isEqualTo(before);

    HttpResponse<String> saved = finance.postForm(page + "/revisions", with(lineIsUnchanged, "lines[0].quantity", "2", "lines[0].reason", "2 h by the log"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(finance.get(page).body()).contains("id=\"current-version\"", "Version 2");
  }

  @Test
  void aStatementWithoutChargeIsNeverRevised() {
    FeeCases.Applicant applicant = cases.applicant("en");
    var c = cases.caseInSupport(applicant, "academic");
    FeeAssessments.Result free = assessments.assess(c.caseId(), List.of(), List.of());
    delivery.notifyNoCharge(c.caseId());
    assertThatThrownBy(() -> revisions.waive(c.caseId(), new StatementRevisions.Waiver(1, null, "nothing to waive"), FINANCE))
        .isInstanceOfSatisfying(StateConflictException.class, e -> assertThat(e.messageKey()).isEqualTo("fees.revision.closed.NO_CHARGE"));
    assertThat(count("select count(*) from fee_statement_versions where statement_id = ?", free.statementId())).isEqualTo(1);
  }

  private void assertRefused(PortalSession session, String page, Map<String, String> form, int status, String errorId) {
    String path = page.endsWith("/waivers") ? page : page + "/revisions";
    HttpResponse<String> answer = session.postForm(path, form);
    assertThat(answer.statusCode()).as("%s", form).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    if (errorId != null) {
      assertThat(answer.body()).as("%s", form).contains("id=\"" + errorId + "\"");
    }
  }

  private static Map<String, String> lines(String... values) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("basedOnVersion", "1");
    for (int row = 0; row < values.length / 5; row++) {
      String p = "lines[" + row + "].";
      form.put(p + "lineNo", values[row * 5]);
      form.put(p + "quantity", values[row * 5 + 1]);
      form.put(p + "unitPriceYen", values[row * 5 + 2]);
      form.put(p + "chargeRate", values[row * 5 + 3]);
      form.put(p + "reason", values[row * 5 + 4]);
    }
    return form;
  }

  private static Map<String, String> with(Map<String, String> form, String... pairs) {
    Map<String, String> changed = new LinkedHashMap<>(form);
    for (int i = 0; i < pairs.length; i += 2) {
      changed.put(pairs[i], pairs[i + 1]);
    }
    return changed;
  }

  private PortalSession staff(StaffGroup group) {
    String email = group.name() + "-" + UUID.randomUUID() + "@facility.example";
    Account account = accounts.ensure(email, FeeCases.PASSWORD, "Staff " + group.name(), "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(group));
    PortalSession session = new PortalSession(port);
    session.signIn(email, FeeCases.PASSWORD);
    return session;
  }

  private Map<String, Object> snapshot(long statementId) {
    return jdbc.queryForMap(
        "select s.status, s.current_version, s.total_yen, s.version,"
            + " (select count(*) from fee_lines l where l.statement_id = s.id) as line_count,"
            + " (select count(*) from fee_statement_versions v where v.statement_id = s.id) as version_count,"
            + " (select count(*) from case_events e where e.case_id = s.case_id) as event_count"
            + " from fee_statements s where s.id = ?", statementId);
  }

  private ResponseEntity<JsonNode> getStatement(FeeCases.Applicant applicant, String caseNumber, String query) {
    return exchange(applicant, HttpMethod.GET, "/api/cases/" + caseNumber + "/statement" + query, null);
  }

  private ResponseEntity<JsonNode> answer(FeeCases.Applicant applicant, String caseNumber, String body) {
    return exchange(applicant, HttpMethod.POST, "/api/cases/" + caseNumber + "/statement/response", body);
  }

  private ResponseEntity<JsonNode> exchange(FeeCases.Applicant applicant, HttpMethod method, String url, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBearerAuth(ApplicantClient.bearerToken(apiTokens, applicant.accountId()));
    return rest.exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private List<Map<String, Object>> mails(long caseId) {
    return jdbc.queryForList("select subject from mail_outbox where case_id = ? and template = 'fee-statement' order by id", caseId);
  }

  private long events(long caseId, String action) {
    return count("select count(*) from case_events where case_id = ? and action = ?", caseId, action);
  }

  private long count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Long.class, args);
  }
}
