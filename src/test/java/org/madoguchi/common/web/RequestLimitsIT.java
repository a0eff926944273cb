package org.madoguchi.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.testsupport.ProblemDetails.fields;
import static org.madoguchi.testsupport.ProblemDetails.messageFor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input at size: over-long fields are refused naming the field, huge lists, deep nesting and huge
 * strings or bodies are refused before they are built into objects, control characters are refused;
 * never a 500, and nothing is written.
 */
@MadoguchiIT
class RequestLimitsIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void aSeventyThousandCharacterCancellationReasonIsRefusedNamingTheReason() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, tokens);
    String caseNumber = applicant.submit(applicant.validRequest());

    ResponseEntity<Map<String, Object>> refused =
        applicant.speaking("en").post("/api/cases/" + caseNumber + "/cancellation", Map.of("reason", "x".repeat(70_000)));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(refused)).containsExactly("reason");
    assertThat(messageFor(refused, "reason")).contains("2000");
    assertThat(cancellationRequests(caseNumber)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from workflow_commands where message_id = ?", Long.class, "cancel:" + caseNumber))
        .isZero();
  }

  @Test
  void hugeListsDeepNestingAndHugeStringsAreRefusedAndNothingIsWritten() throws Exception {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, tokens);
    long cases = count("cases");
    Map<String, Object> request = applicant.validRequest();

    request.put("requestedServices", Collections.nCopies(100_000, "cryo-em"));
    ResponseEntity<Map<String, Object>> hugeList = applicant.post("/api/cases", request);
    assertThat(hugeList.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(hugeList)).containsExactly("requestedServices");

    request.put("requestedServices", List.of("cryo-em"));
    request.put("summary", "x".repeat(10 * 1024 * 1024));
    ResponseEntity<Map<String, Object>> hugeString = applicant.post("/api/cases", request);
    assertThat(hugeString.getStatusCode().is4xxClientError()).as("a 10 MB string: %s", hugeString.getStatusCode()).isTrue();

    HttpResponse<String> deep = postJson(applicant, "/api/cases", utf8("{\"title\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"), false);
    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(deep.body()).contains("urn:madoguchi:problem:invalid-request");

    // Blanks between the tokens: no single string is long, the body is.
    byte[] overLimit = utf8("{\"title\":\"t\"" + " ".repeat(17 * 1024 * 1024) + "}");
    assertThat(postJson(applicant, "/api/cases", overLimit, false).statusCode()).as("declared length over the limit").isEqualTo(413);
    HttpResponse<String> streamed = postJson(applicant, "/api/cases", overLimit, true);
    assertThat(streamed.statusCode()).as("streamed past the limit").isEqualTo(413);
    assertThat(streamed.body()).contains("urn:madoguchi:problem:too-large");

    assertThat(count("cases")).isEqualTo(cases);
  }

  @Test
  void aJsonBodyThatIsNotWellFormedUtf8IsRefusedThoughJacksonWouldDecodeIt() throws Exception {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, tokens);
    String caseNumber = applicant.submit(applicant.validRequest());
    // C0 AF: an overlong "/", which Jackson reads as "/".
    byte[] overlong = {'{', '"', 'r', 'e', 'a', 's', 'o', 'n', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, 'b', '"', '}'};

    HttpResponse<String> refused = postJson(applicant, "/api/cases/" + caseNumber + "/cancellation", overlong, false);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("urn:madoguchi:problem:invalid-request");
    assertThat(cancellationRequests(caseNumber)).isZero();
  }

  @Test
  void controlCharactersAreRefusedNamingTheFieldButLineBreaksAndTabsAreText() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, tokens);
    Map<String, Object> request = applicant.validRequest();
    request.put("title", "Bell\u0007 and escape\u001b");
    request.put("aims", "Line one\r\nline two\tand a tab.");

    ResponseEntity<Map<String, Object>> refused = applicant.speaking("ja").post("/api/cases", request);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(refused)).containsExactly("title");
    assertThat(messageFor(refused, "title")).isEqualTo("制御文字は使えません。");
  }

  @Test
  void theCancelPageShowsAnOverLongReasonAsAFieldError() {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, tokens);
    String caseNumber = applicant.submit(applicant.validRequest());
    PortalSession browser = new PortalSession(port);
    browser.signIn(applicant.email(), "secret-" + applicant.email());

    HttpResponse<String> refused =
        browser.postForm("/portal/requests/" + caseNumber + "/cancel", Map.of("reason", "x".repeat(2_001)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("id=\"reason-error\"").contains("2000").doesNotContain("Exception");
    assertThat(cancellationRequests(caseNumber)).isZero();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private HttpResponse<String> postJson(ApplicantClient applicant, String path, byte[] bytes, boolean chunked)
      throws IOException, InterruptedException {
    HttpRequest.BodyPublisher body =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
            : HttpRequest.BodyPublishers.ofByteArray(bytes);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .header("Accept-Language", "en")
            .header("Authorization", applicant.authorization())
            .POST(body)
            .build();
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  private long cancellationRequests(String caseNumber) {
    return jdbc.queryForObject(
        "select count(*) from case_events e join cases c on c.id = e.case_id where c.case_number = ? and e.action = 'cancellation-requested'",
        Long.class, caseNumber);
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }
}
