package org.madoguchi.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.RowLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A request that waits on a row lock past its limit gets 503 with Retry-After, saying "try again",
 * instead of a 500 that claims a fault; nothing of it is written.
 */
@MadoguchiIT
class BusyDatabaseIT {

  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void aRequestBlockedByARowLockPastItsWaitIsAskedToRetry() throws Exception {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, tokens).speaking("ja");
    String caseNumber = applicant.submit(applicant.validRequest());
    ResponseEntity<Map<String, Object>> answer;
    try (RowLock lock = RowLock.hold(transactions, jdbc, "select id from cases where case_number = ? for update", caseNumber)) {
      answer = applicant.post("/api/cases/" + caseNumber + "/cancellation", Map.of("reason", "Funding withdrawn"));
    }

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    assertThat(answer.getBody()).containsEntry("type", "urn:madoguchi:problem:busy").containsEntry("title", "混み合っています");
    // Only this request's own trace: the case's registration may still be recording its events meanwhile.
    assertThat(jdbc.queryForObject(
            "select count(*) from case_events e join cases c on c.id = e.case_id"
                + " where c.case_number = ? and e.action = 'cancellation-requested'",
            Long.class, caseNumber))
        .as("no cancellation recorded").isZero();
    assertThat(applicant.post("/api/cases/" + caseNumber + "/cancellation", Map.of("reason", "Funding withdrawn")).getStatusCode().is2xxSuccessful())
        .as("the same request, tried again once the lock is gone").isTrue();
  }
}
