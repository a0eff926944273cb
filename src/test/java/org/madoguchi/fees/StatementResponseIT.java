package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.Submissions;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ApplicantClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The applicant's statement API: see the statement, accept or dispute it; the process hears of it via the outbox. */
@MadoguchiIT
class StatementResponseIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired Submissions submissions;
  @Autowired CaseFile caseFile;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired FeeStatementRepository statements;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;

  FeeCases cases;

  @BeforeEach
  void fixture() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
  }

  @Test
  void badInputIsRejectedNamingTheFieldAndNothingIsWritten() {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 1_001L);
    String caseNumber = issued.supportCase().caseNumber();

    assertBadField(post(applicant, caseNumber, "{\"version\":1}"), "decision");
    assertBadField(post(applicant, caseNumber, "{\"decision\":\"accept\"}"), "version");
    assertBadField(post(applicant, caseNumber, "{\"decision\":\"maybe\",\"version\":1}"), "decision");
    assertBadField(post(applicant, caseNumber, "{\"decision\":\"dispute\",\"version\":1}"), "disputeReason");
    assertBadField(post(applicant, caseNumber, "{\"decision\":\"dispute\",\"disputeReason\":\"   \",\"version\":1}"), "disputeReason");
    assertBadField(post(applicant, caseNumber, "{\"decision\":\"dispute\",\"disputeReason\":\"too short\",\"version\":1}"), "disputeReason");
    assertBadField(post(applicant, caseNumber, "{\"decision\":[1],\"version\":1}"), "decision");

    FeeStatement statement = statements.findById(issued.statementId()).orElseThrow();
    assertThat(statement.status()).isEqualTo(StatementStatus.ISSUED);
    assertThat(statement.responseCount()).isZero();
    assertThat(caseFile.get(issued.supportCase().caseId()).status()).isEqualTo(CaseStatus.AWAITING_STATEMENT_RESPONSE);
    assertThat(messages(caseNumber)).isEmpty();
  }

  @Test
  void theDisputeReasonMessageIsInTheCallersLanguage() {
    FeeCases.Applicant applicant = cases.applicant("ja");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 1_101L);

    ResponseEntity<JsonNode> response =
        exchange(applicant, HttpMethod.POST, path(issued.supportCase().caseNumber()) + "/response", "{\"decision\":\"dispute\",\"disputeReason\":\"短い\",\"version\":1}", Locale.JAPANESE);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().at("/errors/0/message").asText()).isEqualTo("異議の理由は10文字以上でご記入ください。");
  }

  @Test
  void otherApplicantsSeeNeitherTheStatementNorCanAnswerIt() {
    FeeCases.IssuedStatement issued = cases.issuedStatement(cases.applicant("en"), 1_201L);
    FeeCases.Applicant stranger = cases.applicant("en");
    String caseNumber = issued.supportCase().caseNumber();

    assertThat(get(stranger, caseNumber).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(stranger, caseNumber, "{\"decision\":\"accept\",\"version\":1}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(stranger, "BINDS-1999-99999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(statements.findById(issued.statementId()).orElseThrow().status()).isEqualTo(StatementStatus.ISSUED);
    assertThat(messages(caseNumber)).isEmpty();
  }

  @Test
  void theApplicantSeesTheStatementOnlyOnceFinanceHasSentIt() {
    FeeCases.Applicant applicant = cases.applicant("en");
    CaseSummary c = cases.caseInSupport(applicant, "industry");
    FeeAssessments.Result draft = assessments.assess(c.caseId(), FeeCases.industryItems(c), FeeCases.fullCost(2));

    assertThat(get(applicant, c.caseNumber()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(applicant, c.caseNumber(), "{\"decision\":\"accept\",\"version\":1}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

    delivery.send(c.caseId(), draft.statementId(), null, 1_301L);
    ResponseEntity<JsonNode> shown = get(applicant, c.caseNumber());

    assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = shown.getBody();
    assertThat(body.get("statementId").asLong()).isEqualTo(draft.statementId());
    assertThat(body.get("status").asText()).isEqualTo("ISSUED");
    assertThat(body.get("currency").asText()).isEqualTo("JPY");
    assertThat(body.get("subtotalYen").asLong()).isEqualTo(122_498);
    assertThat(body.get("taxYen").asLong()).isEqualTo(12_249);
    assertThat(body.get("totalYen").asLong()).isEqualTo(134_747);
    assertThat(body.get("lines")).hasSize(2);
    assertThat(body.at("/lines/0/amountYen").asLong()).isEqualTo(102_500);
    assertThat(body.at("/lines/0/ruleName").asText()).isEqualTo("industry-full-cost");
    assertThat(body.at("/lines/1/itemKind").asText()).isEqualTo("reagent");
  }

  @Test
  void acceptingRecordsTheAnswerAndQueuesTheMessageOnce() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 1_401L);
    String caseNumber = issued.supportCase().caseNumber();

    ResponseEntity<JsonNode> accepted = post(applicant, caseNumber, "{\"decision\":\"accept\",\"version\":1}");

    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(accepted.getBody().get("status").asText()).isEqualTo("ACCEPTED");
    assertThat(statements.findById(issued.statementId()).orElseThrow().status()).isEqualTo(StatementStatus.ACCEPTED);
    List<Map<String, Object>> queued = messages(caseNumber);
    assertThat(queued).hasSize(1);
    assertThat(queued.get(0))
        .containsEntry("kind", "PUBLISH_MESSAGE")
        .containsEntry("correlation_key", caseNumber)
        .containsEntry("message_id", "statement-response:" + issued.statementId() + ":1");
    JsonNode variables = json.readTree((String) queued.get(0).get("variables"));
    assertThat(variables.get("statementAccepted").asBoolean()).isTrue();
    assertThat(events(issued.supportCase().caseId(), "statement-accepted")).isEqualTo(1);

    // Answering twice: 409, and nothing more is queued.
    assertThat(post(applicant, caseNumber, "{\"decision\":\"accept\",\"version\":1}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(applicant, caseNumber, "{\"decision\":\"dispute\",\"disputeReason\":\"Changed my mind about it\",\"version\":1}").getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(messages(caseNumber)).hasSize(1);
    assertThat(events(issued.supportCase().caseId(), "statement-accepted")).isEqualTo(1);
  }

  @Test
  void aDisputeSendsTheCaseBackToFinanceAndTheNextAnswerIsANewMessage() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 1_501L);
    String caseNumber = issued.supportCase().caseNumber();
    long caseId = issued.supportCase().caseId();

    ResponseEntity<JsonNode> disputed =
        post(applicant, caseNumber, "{\"decision\":\"dispute\",\"disputeReason\":\"  We used the microscope for 2 hours, not 2.5.  \",\"version\":1}");

    assertThat(disputed.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(disputed.getBody().get("status").asText()).isEqualTo("DISPUTED");
    assertThat(disputed.getBody().get("disputeReason").asText()).isEqualTo("We used the microscope for 2 hours, not 2.5.");
    assertThat(caseFile.get(caseId).status()).isEqualTo(CaseStatus.FEE_ASSESSMENT);
    List<Map<String, Object>> queued = messages(caseNumber);
    assertThat(queued).hasSize(1);
    JsonNode variables = json.readTree((String) queued.get(0).get("variables"));
    assertThat(variables.get("statementAccepted").asBoolean()).isFalse();
    assertThat(variables.get("disputeReason").asText()).isEqualTo("We used the microscope for 2 hours, not 2.5.");

    // Finance reviews and the statement goes out again (a new send job), then the applicant accepts.
    delivery.send(caseId, issued.statementId(), "Corrected: the session log shows 2.5 h.", 1_502L);
    assertThat(caseFile.get(caseId).status()).isEqualTo(CaseStatus.AWAITING_STATEMENT_RESPONSE);
    assertThat(post(applicant, caseNumber, "{\"decision\":\"accept\",\"version\":1}").getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(messages(caseNumber))
        .extracting(m -> m.get("message_id"))
        .containsExactly("statement-response:" + issued.statementId() + ":1", "statement-response:" + issued.statementId() + ":2");
    assertThat(statements.findById(issued.statementId()).orElseThrow().issueCount()).isEqualTo(2);
  }

  private List<Map<String, Object>> messages(String caseNumber) {
    return jdbc.queryForList(
        "select kind, correlation_key, message_id, variables from workflow_commands "
            + "where message_name = 'statement-response' and correlation_key = ? order by id",
        caseNumber);
  }

  private long events(long caseId, String action) {
    return jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = ?", Long.class, caseId, action);
  }

  private static void assertBadField(ResponseEntity<JsonNode> response, String field) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
  }

  private static String path(String caseNumber) {
    return "/api/cases/" + caseNumber + "/statement";
  }

  private ResponseEntity<JsonNode> get(FeeCases.Applicant applicant, String caseNumber) {
    return exchange(applicant, HttpMethod.GET, path(caseNumber), null, Locale.ENGLISH);
  }

  private ResponseEntity<JsonNode> post(FeeCases.Applicant applicant, String caseNumber, String body) {
    return exchange(applicant, HttpMethod.POST, path(caseNumber) + "/response", body, Locale.ENGLISH);
  }

  private ResponseEntity<JsonNode> exchange(FeeCases.Applicant applicant, HttpMethod method, String url, String body, Locale locale) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAcceptLanguageAsLocales(List.of(locale));
    headers.setBearerAuth(ApplicantClient.bearerToken(apiTokens, applicant.accountId()));
    return rest.exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
