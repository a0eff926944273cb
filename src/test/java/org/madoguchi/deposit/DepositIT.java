package org.madoguchi.deposit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.madoguchi.testsupport.ProblemDetails.fields;
import static org.madoguchi.testsupport.ProblemDetails.messageFor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.booking.UsageRecorded;
import org.madoguchi.booking.UsageRecorded.ProducedDataset;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@MadoguchiIT
class DepositIT {

  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "0123456789ABCDEF".repeat(4);

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired DepositWorkflow workflow;
  @Autowired DatasetRepository datasets;

  private CaseFixtures cases;
  private ApplicantClient applicant;

  @BeforeEach
  void setUp() {
    cases = new CaseFixtures(jdbc);
    applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
  }

  // --- datasets from recorded sessions -------------------------------------------------------

  @Test
  void aRecordedSessionRegistersItsDatasetsOnceInTheSameTransaction() {
    long caseId = cases.file(applicant.email(), "IN_SUPPORT", "academic", "open");
    long usageRecordId = CaseFixtures.uniqueId();
    UsageRecorded event =
        new UsageRecorded(caseId, "structure", usageRecordId, List.of(
            new ProducedDataset("Apoferritin movies", "cryo-em-movies", new BigDecimal("1234.5")),
            new ProducedDataset("Apoferritin map", "cryo-em-map", new BigDecimal("0.8")),
            new ProducedDataset("Apoferritin map", "cryo-em-map", null)));

    publishInTransaction(event);
    publishInTransaction(event);

    List<Map<String, Object>> rows =
        jdbc.queryForList("select title, data_type, size_gb, status, unit_code from datasets where case_id = ? order by id", caseId);
    assertThat(rows).extracting(r -> r.get("title")).containsExactly("Apoferritin movies", "Apoferritin map", "Apoferritin map");
    assertThat(rows).extracting(r -> r.get("status")).containsOnly("PENDING");
    assertThat(rows).extracting(r -> r.get("unit_code")).containsOnly("structure");
    assertThat((BigDecimal) rows.get(0).get("size_gb")).isEqualByComparingTo("1234.5");
    assertThat(events(caseId, "datasets-registered")).isEqualTo(1);
    assertThat(allSettled(caseId)).isFalse();
  }

  @Test
  void aRolledBackSessionLeavesNoDatasets() {
    long caseId = cases.file(applicant.email(), "IN_SUPPORT", "academic", "open");
    TransactionTemplate tx = new TransactionTemplate(transactions);
    tx.executeWithoutResult(status -> {
      events.publishEvent(new UsageRecorded(caseId, "structure", CaseFixtures.uniqueId(),
          List.of(new ProducedDataset("Lost", "cryo-em-movies", BigDecimal.ONE))));
      status.setRollbackOnly();
    });

    assertThat(jdbc.queryForObject("select count(*) from datasets where case_id = ?", Integer.class, caseId)).isZero();
    assertThat(allSettled(caseId)).isTrue();
  }

  // --- deposit.open ----------------------------------------------------------------------------

  @Test
  void openingMovesTheCaseAsksForEveryDatasetOnceAndReturnsTheSameIdsWhenRepeated() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    List<Long> registered = register(caseId, "Movies", "Map");

    List<Long> first = workflow.open(caseId);
    List<Long> second = workflow.open(caseId);

    assertThat(first).isEqualTo(registered).isEqualTo(second);
    assertThat(cases.statusOf(caseId)).isEqualTo("DATA_DEPOSIT");
    assertThat(datasetStatuses(caseId)).containsOnly("AWAITING_DEPOSIT");
    assertThat(mails("deposit-open:" + caseId)).isEqualTo(1);
    String body = jdbc.queryForObject("select body from mail_outbox where dedupe_key = ?", String.class, "deposit-open:" + caseId);
    assertThat(body).contains("Movies").contains("Map").contains(cases.caseNumberOf(caseId));
    assertThat(events(caseId, "deposit-opened")).isEqualTo(1);
  }

  @Test
  void openingACaseWithoutDatasetsReturnsAnEmptyListAndSendsNoMail() {
    long caseId = cases.file(applicant.email(), "AWAITING_STATEMENT_RESPONSE", "academic", "open");

    assertThat(workflow.open(caseId)).isEmpty();
    assertThat(cases.statusOf(caseId)).isEqualTo("DATA_DEPOSIT");
    assertThat(mails("deposit-open:" + caseId)).isZero();
    assertThat(allSettled(caseId)).isTrue();
  }

  @Test
  void openingFromAStateTheJourneyDoesNotAllowFailsAndChangesNothing() {
    long caseId = cases.file(applicant.email(), "IN_CONSULTATION", "academic", "open");
    register(caseId, "Early data");

    assertThatThrownBy(() -> workflow.open(caseId)).isInstanceOf(IllegalStateException.class);
    assertThat(cases.statusOf(caseId)).isEqualTo("IN_CONSULTATION");
    assertThat(datasetStatuses(caseId)).containsOnly("PENDING");
  }

  // --- the deposit API ---------------------------------------------------------------------------

  @Test
  void aDepositIsStoredAndQueuesTheEngineMessage() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Apoferritin movies");
    String caseNumber = cases.caseNumberOf(caseId);
    LocalDate before = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    ResponseEntity<Map<String, Object>> response = applicant.post(depositPath(caseNumber, datasetId), validDeposit());

    LocalDate after = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsEntry("status", "DEPOSITED");
    assertThat(datasetStatuses(caseId)).containsExactly("DEPOSITED");
    Map<String, Object> deposit =
        jdbc.queryForMap("select id, version_no, licence, embargo, embargo_until, public_accession, file_count, total_bytes, deposited_by from deposits where dataset_id = ?", datasetId);
    assertThat(deposit.get("version_no")).isEqualTo(1);
    assertThat(deposit.get("licence")).isEqualTo("CC-BY-4.0");
    assertThat(deposit.get("public_accession")).isEqualTo("EMPIAR-10001");
    assertThat(deposit.get("file_count")).isEqualTo(2);
    assertThat(((Number) deposit.get("total_bytes")).longValue()).isEqualTo(3072L);
    assertThat(deposit.get("deposited_by")).isEqualTo(applicant.email());
    assertThat(((java.sql.Date) deposit.get("embargo_until")).toLocalDate()).isIn(before.plusYears(2), after.plusYears(2));
    long depositId = ((Number) deposit.get("id")).longValue();
    assertThat(jdbc.queryForList("select sha256 from deposit_files where deposit_id = ? order by seq", String.class, depositId))
        .containsExactly(SHA_A, SHA_B.toLowerCase());

    Map<String, Object> command =
        jdbc.queryForMap("select message_name, message_id, variables, case_id from workflow_commands where correlation_key = ?", String.valueOf(datasetId));
    assertThat(command.get("message_name")).isEqualTo("dataset-deposited");
    assertThat(command.get("message_id")).isEqualTo("deposit:" + depositId);
    assertThat(((Number) command.get("case_id")).longValue()).isEqualTo(caseId);
    assertThat((String) command.get("variables"))
        .contains("\"depositSummary\"")
        .contains("**Apoferritin movies (final)** (v1)", "Licence: CC-BY-4.0", "Accession: EMPIAR-10001", "Files: 2 files");
    assertThat(events(caseId, "dataset-deposited")).isEqualTo(1);

    List<Map<String, Object>> listed = applicant.getList("/api/cases/" + caseNumber + "/datasets").getBody();
    assertThat(listed).singleElement().satisfies(d -> {
      assertThat(d).containsEntry("status", "DEPOSITED");
      assertThat((List<?>) d.get("deposits")).hasSize(1);
    });
  }

  @Test
  void badFieldsAreNamedEachWithIndexAndNothingIsStored() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");
    Map<String, Object> body = validDeposit();
    body.put("licence", "GPL");
    body.put("publicAccession", "EMPIAR-1");
    body.put("relatedPublication", "doi:10.1/x");
    body.put("files", java.util.Arrays.asList(
        file("a.tiff", 1, SHA_A),
        file("b.tiff", 1, "xyz"),
        file("", -5, SHA_A),
        null));

    ResponseEntity<Map<String, Object>> english = applicant.speaking("en").post(depositPath(cases.caseNumberOf(caseId), datasetId), body);
    ResponseEntity<Map<String, Object>> japanese = applicant.speaking("ja").post(depositPath(cases.caseNumberOf(caseId), datasetId), body);

    assertThat(english.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(english))
        .containsExactlyInAnyOrder(
            "licence", "publicAccession", "relatedPublication", "files[1].sha256", "files[2].path", "files[2].sizeBytes",
            "files[3]");
    assertThat(messageFor(english, "files[1].sha256")).contains("SHA-256");
    assertThat(messageFor(japanese, "files[1].sha256")).contains("チェックサム");
    assertNothingDeposited(caseId, datasetId);
  }

  @Test
  void businessRulesAreNamedPerFieldAndNothingIsStored() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");
    Map<String, Object> body = validDeposit();
    body.put("embargo", "restricted-confidential");
    body.put("licence", "restricted");
    body.put("files", List.of(file("a.tiff", 1, SHA_A), file("a.tiff", 1, SHA_B), file("raw/../../etc/passwd", 1, SHA_A)));

    ResponseEntity<Map<String, Object>> response = applicant.post(depositPath(cases.caseNumberOf(caseId), datasetId), body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactly("embargo", "files[1].path", "files[2].path");
    assertNothingDeposited(caseId, datasetId);
  }

  @Test
  void aConfidentialCaseMayKeepItsDataRestricted() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "confidential");
    long datasetId = openOne(caseId, "Movies");
    Map<String, Object> body = validDeposit();
    body.put("embargo", "restricted-confidential");
    body.put("licence", "restricted");

    ResponseEntity<Map<String, Object>> response = applicant.post(depositPath(cases.caseNumberOf(caseId), datasetId), body);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(jdbc.queryForObject("select embargo_until from deposits where dataset_id = ?", java.sql.Date.class, datasetId)).isNull();
  }

  @Test
  void depositingWhenNotAwaitedIsAConflict() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long pending = register(caseId, "Not opened yet").getFirst();
    String caseNumber = cases.caseNumberOf(caseId);

    ResponseEntity<Map<String, Object>> early = applicant.post(depositPath(caseNumber, pending), validDeposit());
    assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertNothingDeposited(caseId, pending);

    workflow.open(caseId);
    assertThat(applicant.post(depositPath(caseNumber, pending), validDeposit()).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<Map<String, Object>> twice = applicant.post(depositPath(caseNumber, pending), validDeposit());
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(jdbc.queryForObject("select count(*) from deposits where dataset_id = ?", Integer.class, pending)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from workflow_commands where correlation_key = ?", Integer.class, String.valueOf(pending)))
        .isEqualTo(1);
  }

  @Test
  void anotherApplicantSeesNoDatasetsAndCannotDeposit() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");
    String caseNumber = cases.caseNumberOf(caseId);
    ApplicantClient other = ApplicantClient.signUp(rest, accounts, apiTokens);
    long othersCase = cases.file(other.email(), "FEE_ASSESSMENT", "academic", "open");

    assertThat(other.get("/api/cases/" + caseNumber + "/datasets").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.post(depositPath(caseNumber, datasetId), validDeposit()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    // A dataset id of someone else's case, through one's own case number: just as invisible.
    assertThat(other.post(depositPath(cases.caseNumberOf(othersCase), datasetId), validDeposit()).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertNothingDeposited(caseId, datasetId);
  }

  // --- steward decisions, reminders, escalation ---------------------------------------------------

  @Test
  void recordingTheSameVerificationTwiceHasOneEffect() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");
    applicant.post(depositPath(cases.caseNumberOf(caseId), datasetId), validDeposit());
    long jobKey = CaseFixtures.uniqueId();

    assertThat(workflow.recordVerification(datasetId, "verified", "Looks good", jobKey)).isTrue();
    assertThat(workflow.recordVerification(datasetId, "verified", "Looks good", jobKey)).isFalse();
    assertThat(workflow.recordVerification(datasetId, "verified", "Looks good", CaseFixtures.uniqueId())).isFalse();

    assertThat(datasetStatuses(caseId)).containsExactly("VERIFIED");
    assertThat(jdbc.queryForObject("select count(*) from dataset_reviews where dataset_id = ?", Integer.class, datasetId)).isEqualTo(1);
    assertThat(events(caseId, "dataset-verified")).isEqualTo(1);
    assertThat(mails("deposit-verified:" + datasetId)).isEqualTo(1);
    assertThat(allSettled(caseId)).isTrue();
    assertThatThrownBy(() -> workflow.recordVerification(datasetId, "send-back", "too late", CaseFixtures.uniqueId()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSentBackDatasetIsDepositedAgainAsASecondVersion() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");
    String caseNumber = cases.caseNumberOf(caseId);
    applicant.post(depositPath(caseNumber, datasetId), validDeposit());
    long sendBackJob = CaseFixtures.uniqueId();

    workflow.recordVerification(datasetId, "send-back", "Checksums of the gain reference are missing", sendBackJob);
    assertThat(datasetStatuses(caseId)).containsExactly("SENT_BACK");
    assertThat(jdbc.queryForObject("select body from mail_outbox where case_id = ? and template = 'deposit-sent-back'", String.class, caseId))
        .contains("Checksums of the gain reference are missing");

    Map<String, Object> revised = validDeposit();
    revised.put("files", List.of(file("movies/a.tiff", 1024, SHA_A), file("movies/b.tiff", 2048, SHA_B), file("gain.mrc", 10, SHA_A)));
    ResponseEntity<Map<String, Object>> again = applicant.post(depositPath(caseNumber, datasetId), revised);
    // The send-back job repeated after the new deposit changes nothing.
    workflow.recordVerification(datasetId, "send-back", "Checksums of the gain reference are missing", sendBackJob);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(datasetStatuses(caseId)).containsExactly("DEPOSITED");
    assertThat(jdbc.queryForList("select version_no from deposits where dataset_id = ? order by version_no", Integer.class, datasetId))
        .containsExactly(1, 2);
    assertThat(jdbc.queryForList("select message_id from workflow_commands where correlation_key = ? order by id", String.class, String.valueOf(datasetId)))
        .hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.startsWith("deposit:"));
    List<Map<String, Object>> listed = applicant.getList("/api/cases/" + caseNumber + "/datasets").getBody();
    Map<String, Object> dataset = listed.getFirst();
    assertThat((List<?>) dataset.get("deposits")).hasSize(2);
    assertThat(dataset.get("stewardNote")).isEqualTo("Checksums of the gain reference are missing");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> reviews = (List<Map<String, Object>>) dataset.get("reviews");
    assertThat(reviews).singleElement().satisfies(r -> {
      assertThat(r).containsEntry("verification", "send-back");
      assertThat(r).containsEntry("depositVersion", 1);
    });

    workflow.recordVerification(datasetId, "verified", null, CaseFixtures.uniqueId());
    assertThat(datasetStatuses(caseId)).containsExactly("VERIFIED");
    assertThat(allSettled(caseId)).isTrue();
  }

  @Test
  void anExemptionNeedsANoteAndSettlesTheDataset() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Calibration run");

    assertThatThrownBy(() -> workflow.recordVerification(datasetId, "exempt", " ", CaseFixtures.uniqueId()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(datasetStatuses(caseId)).containsExactly("AWAITING_DEPOSIT");

    workflow.recordVerification(datasetId, "exempt", "Calibration data only, nothing to share", CaseFixtures.uniqueId());
    assertThat(datasetStatuses(caseId)).containsExactly("EXEMPTED");
    assertThat(events(caseId, "dataset-exempted")).isEqualTo(1);
    assertThat(allSettled(caseId)).isTrue();
  }

  @Test
  void remindersGoOncePerTimerFiringAndOnlyWhileTheDepositIsAwaited() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");
    long firstFiring = CaseFixtures.uniqueId();
    long secondFiring = CaseFixtures.uniqueId();

    assertThat(workflow.remind(datasetId, firstFiring)).isTrue();
    assertThat(workflow.remind(datasetId, firstFiring)).isFalse();
    assertThat(workflow.remind(datasetId, secondFiring)).isTrue();
    applicant.post(depositPath(cases.caseNumberOf(caseId), datasetId), validDeposit());
    assertThat(workflow.remind(datasetId, CaseFixtures.uniqueId())).isFalse();

    assertThat(jdbc.queryForObject("select count(*) from mail_outbox where case_id = ? and template = 'deposit-reminder'", Integer.class, caseId))
        .isEqualTo(2);
  }

  @Test
  void anOverdueDepositIsEscalatedToTheDeskOnce() {
    long caseId = cases.file(applicant.email(), "FEE_ASSESSMENT", "academic", "open");
    long datasetId = openOne(caseId, "Movies");

    assertThat(workflow.escalate(datasetId)).isTrue();
    assertThat(workflow.escalate(datasetId)).isFalse();

    Map<String, Object> mail =
        jdbc.queryForMap("select recipient, language, subject from mail_outbox where dedupe_key = ?", "deposit-escalation:" + datasetId);
    assertThat(mail.get("recipient")).isEqualTo("desk@madoguchi.example");
    assertThat(mail.get("language")).isEqualTo("ja");
    assertThat((String) mail.get("subject")).contains(cases.caseNumberOf(caseId));
    assertThat(events(caseId, "deposit-escalated")).isEqualTo(1);
  }

  // --- helpers -------------------------------------------------------------------------------------

  private void publishInTransaction(Object event) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
  }

  private List<Long> register(long caseId, String... titles) {
    List<ProducedDataset> produced = new ArrayList<>();
    for (String title : titles) {
      produced.add(new ProducedDataset(title, "cryo-em-movies", new BigDecimal("12.5")));
    }
    publishInTransaction(new UsageRecorded(caseId, "structure", CaseFixtures.uniqueId(), produced));
    return jdbc.queryForList("select id from datasets where case_id = ? order by id", Long.class, caseId);
  }

  private long openOne(long caseId, String title) {
    register(caseId, title);
    return workflow.open(caseId).getFirst();
  }

  private static String depositPath(String caseNumber, long datasetId) {
    return "/api/cases/" + caseNumber + "/datasets/" + datasetId + "/deposit";
  }

  private static Map<String, Object> validDeposit() {
    Map<String, Object> body = new HashMap<>();
    body.put("title", "Apoferritin movies (final)");
    body.put("description", "Raw movies, 40 frames each, 0.83 Å/px, Krios G4 with Falcon 4i.");
    body.put("licence", "CC-BY-4.0");
    body.put("embargo", "until-publication");
    body.put("publicAccession", "EMPIAR-10001");
    body.put("relatedPublication", "10.1038/s41586-020-2649-2");
    body.put("files", List.of(file("movies/a.tiff", 1024, SHA_A), file("movies/b.tiff", 2048, SHA_B)));
    return body;
  }

  private static Map<String, Object> file(String path, long sizeBytes, String sha256) {
    return Map.of("path", path, "sizeBytes", sizeBytes, "sha256", sha256);
  }

  private void assertNothingDeposited(long caseId, long datasetId) {
    assertThat(jdbc.queryForObject("select count(*) from deposits where dataset_id = ?", Integer.class, datasetId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from workflow_commands where correlation_key = ?", Integer.class, String.valueOf(datasetId)))
        .isZero();
    assertThat(events(caseId, "dataset-deposited")).isZero();
    assertThat(jdbc.queryForObject("select status from datasets where id = ?", String.class, datasetId)).isIn("PENDING", "AWAITING_DEPOSIT");
  }

  private List<String> datasetStatuses(long caseId) {
    return jdbc.queryForList("select status from datasets where case_id = ? order by id", String.class, caseId);
  }

  private int events(long caseId, String action) {
    return jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = ?", Integer.class, caseId, action);
  }

  private int mails(String dedupeKey) {
    return jdbc.queryForObject("select count(*) from mail_outbox where dedupe_key = ?", Integer.class, dedupeKey);
  }

  /** What holds a case open: a dataset neither verified nor exempted by a steward. */
  private boolean allSettled(long caseId) {
    return datasets.findByCaseIdOrderByIdAsc(caseId).stream().allMatch(d -> d.status().isSettled());
  }
}
