package org.madoguchi.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An applicant using the REST API over HTTP with a personal API token of their own account. */
public final class ApplicantClient {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {};

  private final TestRestTemplate rest;
  private final String email;
  private final String token;
  private String language = "en";

  private ApplicantClient(TestRestTemplate rest, String email, String token) {
    this.rest = rest;
    this.email = email;
    this.token = token;
  }

  /** A fresh applicant account with a unique address, and an API token of it. */
  public static ApplicantClient signUp(TestRestTemplate rest, Accounts accounts, ApiTokens tokens) {
    String email = "applicant" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@lab.example.ac.jp";
    Account account = accounts.ensure(email, "secret-" + email, "Test Applicant", "ja", Set.of(Role.APPLICANT));
    return new ApplicantClient(rest, email, bearerToken(tokens, account.id()));
  }

  /** A new API token of the account, valid for a day: what the account's owner creates at /account/tokens. */
  public static String bearerToken(ApiTokens tokens, long accountId) {
    return tokens.create(accountId, "tests", Duration.ofDays(1)).secret();
  }

  /** The same applicant calling another instance of the application. */
  public ApplicantClient through(TestRestTemplate otherInstance) {
    return new ApplicantClient(otherInstance, email, token).speaking(language);
  }

  public ApplicantClient speaking(String language) {
    this.language = language;
    return this;
  }

  public String email() {
    return email;
  }

  /** The {@code Authorization} header value of this applicant's API calls, for requests made without this client. */
  public String authorization() {
    return "Bearer " + token;
  }

  /** A complete, valid support request; tests change single fields to make it bad. */
  public Map<String, Object> validRequest() {
    Map<String, Object> request = new HashMap<>();
    request.put("applicantName", "田中 葵");
    request.put("affiliation", "Graduate School of Pharmaceutical Sciences, Example University");
    request.put("email", email);
    request.put("applicantCategory", "academic");
    request.put("language", "ja");
    request.put("title", "Cryo-EM structure of a bacterial efflux pump");
    request.put("summary", "We want to solve the structure of AcrB-like pump bound to an inhibitor candidate.");
    request.put("aims", "A map below 3 Å to guide hit-to-lead optimisation.");
    request.put("targets", "Purified protein in detergent, 5 mg/ml, 200 µl");
    request.put("requestedServices", List.of("cryo-em", "medchem"));
    request.put("confidentiality", "open");
    request.put("dataPolicyAccepted", true);
    return request;
  }

  public ResponseEntity<Map<String, Object>> post(String path, Object body) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers()), JSON_OBJECT);
  }

  public ResponseEntity<Map<String, Object>> get(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), JSON_OBJECT);
  }

  public ResponseEntity<List<Map<String, Object>>> getList(String path) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers()), new ParameterizedTypeReference<>() {});
  }

  /** Submits a request and returns the new case number. */
  public String submit(Map<String, Object> request) {
    ResponseEntity<Map<String, Object>> response = post("/api/cases", request);
    if (!response.getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("submission failed: " + response.getStatusCode() + " " + response.getBody());
    }
    return (String) response.getBody().get("caseNumber");
  }

  private HttpHeaders headers() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, authorization());
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAcceptLanguageAsLocales(List.of(java.util.Locale.forLanguageTag(language)));
    return headers;
  }
}
