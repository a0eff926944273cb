package org.madoguchi.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.testsupport.ProblemDetails.fields;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@MadoguchiIT
class OutcomesIT {

  private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired OutcomeService service;

  private ApplicantClient applicant;

  @BeforeEach
  void setUp() {
    applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
  }

  @Test
  void aReportIsStoredAuditedAndListed() {
    long caseId = fileCase(applicant.email(), "CLOSED");
    String caseNumber = caseNumberOf(caseId);
    Map<String, Object> report = new HashMap<>();
    report.put("papers", List.of(Map.of("doi", "10.1038/S41586-026-00001-X", "title", "Structure of a pump")));
    report.put("patents", List.of(Map.of("applicationNumber", "PCT/JP 2026/000123", "title", "Inhibitors of a pump")));
    report.put("seeds", List.of(Map.of("description", "Compound MD-17 inhibits efflux at 40 nM", "stage", "lead")));
    report.put("notes", "Second paper in review.");

    ResponseEntity<Map<String, Object>> response = applicant.post(path(caseNumber), report);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(jdbc.queryForList("select kind from outcomes where case_id = ? order by id", String.class, caseId))
        .containsExactly("paper", "patent", "seed");
    assertThat(jdbc.queryForObject("select doi from outcomes where case_id = ? and kind = 'paper'", String.class, caseId))
        .isEqualTo("10.1038/s41586-026-00001-x");
    assertThat(jdbc.queryForObject("select application_number from outcomes where case_id = ? and kind = 'patent'", String.class, caseId))
        .isEqualTo("PCT/JP2026/000123");
    assertThat(jdbc.queryForObject("select notes from outcome_reports where case_id = ?", String.class, caseId))
        .isEqualTo("Second paper in review.");
    assertThat(events(caseId, "outcomes-reported")).isEqualTo(1);

    Map<String, Object> listed = applicant.get(path(caseNumber)).getBody();
    assertThat((List<?>) listed.get("papers")).hasSize(1);
    assertThat((List<?>) listed.get("patents")).hasSize(1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seeds = (List<Map<String, Object>>) listed.get("seeds");
    assertThat(seeds).singleElement().satisfies(s -> assertThat(s).containsEntry("stage", "lead"));
  }

  @Test
  void badEntriesAreNamedAndNothingIsStored() {
    long caseId = fileCase(applicant.email(), "DATA_DEPOSIT");
    Map<String, Object> report = new HashMap<>();
    report.put("papers", List.of(Map.of("doi", "10.1038/ok", "title", "fine"), Map.of("doi", "https://doi.org/10.1038/x")));
    report.put("seeds", List.of(Map.of("description", "A hit", "stage", "approved")));

    ResponseEntity<Map<String, Object>> english = applicant.speaking("en").post(path(caseNumberOf(caseId)), report);
    ResponseEntity<Map<String, Object>> empty = applicant.post(path(caseNumberOf(caseId)), Map.of("notes", "Nothing yet"));

    assertThat(english.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(english)).containsExactlyInAnyOrder("papers[1].doi", "seeds[0].stage");
    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(empty)).containsExactly("report");
    assertNothingStored(caseId);
  }

  @Test
  void aPaperAlreadyReportedIsRejected() {
    long caseId = fileCase(applicant.email(), "CLOSED");
    String caseNumber = caseNumberOf(caseId);
    applicant.post(path(caseNumber), Map.of("papers", List.of(Map.of("doi", "10.1000/abc"))));

    ResponseEntity<Map<String, Object>> again =
        applicant.post(path(caseNumber), Map.of("papers", List.of(Map.of("doi", "10.1000/ABC")), "seeds",
            List.of(Map.of("description", "new", "stage", "hit"))));

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(again)).containsExactly("papers[0].doi");
    assertThat(jdbc.queryForObject("select count(*) from outcomes where case_id = ?", Integer.class, caseId)).isEqualTo(1);
  }

  @Test
  void casesBeforeSupportOrEndedWithoutItCannotReport() {
    Map<String, Object> report = Map.of("seeds", List.of(Map.of("description", "A hit", "stage", "hit")));
    for (String status : List.of("SUBMITTED", "IN_CONSULTATION", "DECLINED", "EXPIRED", "CANCELLED")) {
      long caseId = fileCase(applicant.email(), status);
      assertThat(applicant.post(path(caseNumberOf(caseId)), report).getStatusCode()).as(status).isEqualTo(HttpStatus.CONFLICT);
      assertNothingStored(caseId);
    }
    long inSupport = fileCase(applicant.email(), "IN_SUPPORT");
    assertThat(applicant.post(path(caseNumberOf(inSupport)), report).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void anotherApplicantCanNeitherReportNorSee() {
    long caseId = fileCase(applicant.email(), "CLOSED");
    ApplicantClient other = ApplicantClient.signUp(rest, accounts, apiTokens);

    assertThat(other.post(path(caseNumberOf(caseId)), Map.of("seeds", List.of(Map.of("description", "x", "stage", "hit"))))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.get(path(caseNumberOf(caseId))).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertNothingStored(caseId);
  }

  @Test
  void theFollowUpInvitationGoesOncePerCase() {
    long caseId = fileCase(applicant.email(), "CLOSED");

    assertThat(service.requestFollowUp(caseId)).isTrue();
    assertThat(service.requestFollowUp(caseId)).isFalse();

    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class, "outcome-follow-up:" + caseId))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select body from mail_outbox where dedupe_key = ?", String.class, "outcome-follow-up:" + caseId))
        .contains(caseNumberOf(caseId) + "/outcomes");
    assertThat(events(caseId, "outcome-follow-up-requested")).isEqualTo(1);
  }

  private void assertNothingStored(long caseId) {
    assertThat(jdbc.queryForObject("select count(*) from outcomes where case_id = ?", Integer.class, caseId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from outcome_reports where case_id = ?", Integer.class, caseId)).isZero();
    assertThat(events(caseId, "outcomes-reported")).isZero();
  }

  private static String path(String caseNumber) {
    return "/api/cases/" + caseNumber + "/outcomes";
  }

  /** A case filed directly in a state, without a process instance (the engine would race the test). */
  private long fileCase(String email, String status) {
    String caseNumber = "TEST-O-" + SEQUENCE.incrementAndGet();
    Timestamp now = Timestamp.from(Instant.now());
    long accountId = jdbc.queryForObject("select id from accounts where email = ?", Long.class, email.toLowerCase());
    jdbc.update(
        """
        insert into cases (case_number, account_id, applicant_name, affiliation, email, applicant_category, language,
                           title, summary, aims, requested_services, confidentiality, data_policy_accepted_at, status,
                           submitted_at, updated_at)
        values (?, ?, '田中 葵', 'Example University', ?, 'academic', 'ja', 'Cryo-EM of an efflux pump',
                'Structure of a pump bound to an inhibitor candidate.', 'A map below 3 Å', 'cryo-em', 'open', ?, ?, ?, ?)
        """,
        caseNumber, accountId, email, now, status, now, now);
    return jdbc.queryForObject("select id from cases where case_number = ?", Long.class, caseNumber);
  }

  private String caseNumberOf(long caseId) {
    return jdbc.queryForObject("select case_number from cases where id = ?", String.class, caseId);
  }

  private int events(long caseId, String action) {
    return jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = ?", Integer.class, caseId, action);
  }
}
