package org.madoguchi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.madoguchi.testsupport.ProblemDetails.fields;
import static org.madoguchi.testsupport.ProblemDetails.messageFor;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.workflow.inmemory.InMemoryZeebe.OpenUserTask;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@MadoguchiIT
class SubmissionIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();

  @Test
  void submittedRequestGetsANumberAMailAndReachesTheDeskWithItsContext() throws Exception {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("fastTrackReason", "Outbreak response: structure needed for an antiviral programme");

    String caseNumber = applicant.submit(request);

    assertThat(caseNumber).matches("BINDS-\\d{4}-\\d{5}");
    long instance = awaitProcessInstance(caseNumber);
    OpenUserTask consultation = engine.awaitUserTask(instance, "Consultation");
    assertThat(consultation.candidateGroups()).containsExactly("desk");
    assertThat(consultation.priority()).isEqualTo(ConsultationTerms.PRIORITY_FAST_TRACK);
    assertThat(consultation.dueDate()).isNotBlank();
    assertThat(status(caseNumber)).isEqualTo("IN_CONSULTATION");

    MimeMessage confirmation = EmbeddedSmtp.awaitMailTo(applicant.email(), 1).getFirst();
    assertThat(confirmation.getSubject()).contains(caseNumber).contains("受け付けました");

    ResponseEntity<Map<String, Object>> detail = applicant.get("/api/cases/" + caseNumber);
    assertThat(detail.getBody()).containsEntry("status", "IN_CONSULTATION");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> timeline = (List<Map<String, Object>>) detail.getBody().get("timeline");
    assertThat(timeline).extracting(e -> e.get("action")).containsExactly("submitted", "registered");
    assertThat(timeline).extracting(e -> e.get("label")).containsExactly("Request submitted", "Registered by the desk");
    assertThat(timeline).extracting(e -> e.get("actor")).containsExactly("Applicant (" + applicant.email() + ")", "Automatic");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> japanese =
        (List<Map<String, Object>>) applicant.speaking("ja").get("/api/cases/" + caseNumber).getBody().get("timeline");
    assertThat(japanese).extracting(e -> e.get("label")).containsExactly("申請を受け付けました", "窓口で登録しました");
  }

  @Test
  void badInputNamesEveryBadFieldInTheCallersLanguageAndStoresNothing() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.remove("title");
    request.put("email", "not-an-address");
    request.put("applicantCategory", "hobbyist");
    request.put("dataPolicyAccepted", false);
    Integer casesBefore = jdbc.queryForObject("select count(*) from cases", Integer.class);

    ResponseEntity<Map<String, Object>> english = applicant.speaking("en").post("/api/cases", request);
    ResponseEntity<Map<String, Object>> japanese = applicant.speaking("ja").post("/api/cases", request);

    assertThat(english.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(english)).containsExactlyInAnyOrder("title", "email", "applicantCategory", "dataPolicyAccepted");
    assertThat(messageFor(english, "dataPolicyAccepted")).contains("data-deposit policy");
    assertThat(messageFor(japanese, "dataPolicyAccepted")).contains("データ登録ポリシー");
    assertThat(jdbc.queryForObject("select count(*) from cases", Integer.class)).isEqualTo(casesBefore);
  }

  @Test
  void businessRulesAreCheckedPerField() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("requestedServices", List.of("cryo-em", "teleportation"));
    request.put("desiredStart", "2027-03-01");
    request.put("desiredEnd", "2027-02-01");

    ResponseEntity<Map<String, Object>> response = applicant.post("/api/cases", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactlyInAnyOrder("requestedServices[1]", "desiredEnd");
  }

  @Test
  void malformedDateIsAFieldErrorNotAServerError() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("desiredStart", "next spring");

    ResponseEntity<Map<String, Object>> response = applicant.post("/api/cases", request);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response)).containsExactly("desiredStart");
  }

  @Test
  void anApplicantNeverSeesAnotherApplicantsCase() {
    ApplicantClient owner = ApplicantClient.signUp(rest, accounts, apiTokens);
    ApplicantClient other = ApplicantClient.signUp(rest, accounts, apiTokens);
    String caseNumber = owner.submit(owner.validRequest());

    assertThat(other.get("/api/cases/" + caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.post("/api/cases/" + caseNumber + "/cancellation", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getList("/api/cases").getBody()).isEmpty();
    assertThat(owner.getList("/api/cases").getBody()).extracting(c -> c.get("caseNumber")).containsExactly(caseNumber);
  }

  @Test
  void anonymousCallersAreRejected() {
    assertThat(rest.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theApiDescriptionAndItsBrowserAreOpenToEveryone() {
    ResponseEntity<String> description = rest.getForEntity("/api/openapi", String.class);
    assertThat(description.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(description.getBody()).contains("/api/cases/{caseNumber}/statement/response", "/api/cases/{caseNumber}/datasets/{datasetId}/deposit");
    assertThat(rest.getForEntity("/api/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  private long awaitProcessInstance(String caseNumber) {
    return await().atMost(ProcessDriver.TIMEOUT)
        .until(() -> jdbc.queryForList("select process_instance_key from cases where case_number = ?", Long.class, caseNumber),
            keys -> keys.size() == 1 && keys.getFirst() != null)
        .getFirst();
  }

  private String status(String caseNumber) {
    return jdbc.queryForObject("select status from cases where case_number = ?", String.class, caseNumber);
  }
}
