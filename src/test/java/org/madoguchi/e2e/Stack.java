package org.madoguchi.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.madoguchi.testsupport.PortalApiToken;

/**
 * Where the running local stack is (system properties, defaulting to stack/local-stack's ports) and the
 * plain HTTP the suite reads it with: the applicant API, maildev's inbox and Operate's REST API. Black
 * box: no Spring context, no database access. HTTP/1.1 throughout: maildev drops the HTTP/2 upgrade request.
 */
final class Stack {

  static final String MADOGUCHI = System.getProperty("e2e.madoguchi.url", "http://localhost:8080");
  static final String CAMUNDA = System.getProperty("e2e.camunda.url", "http://localhost:8081");
  static final String MAILDEV = System.getProperty("e2e.maildev.url", "http://127.0.0.1:1080");
  static final String STAFF_USER = System.getProperty("e2e.camunda.user", "demo");
  static final String STAFF_PASSWORD = System.getProperty("e2e.camunda.password", "demo");
  static final String DEMO_PASSWORD = "demo";

  /** How long the suite waits for the stack to move on (workers, exporters, Tasklist's and Operate's imports). */
  static final Duration PATIENCE = Duration.ofSeconds(Long.getLong("e2e.patience.seconds", 90));

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private Stack() {}

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the local stack did not answer " + request.uri() + " (is it running? bin/madoguchi run)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static <T> T read(HttpResponse<String> response, TypeReference<T> type) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " -> " + response.statusCode() + ": " + response.body());
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON from " + response.uri() + ": " + response.body(), e);
    }
  }

  /**
   * The applicant API with a personal API token, as the applicant's own programs use it: the token is
   * created on the portal's tokens page (signed in with the password, as a person does) and read from
   * the page that shows it once.
   */
  static final class ApplicantApi {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String authorization;

    ApplicantApi(String email, String password) {
      this.authorization = "Bearer " + PortalApiToken.create(MADOGUCHI, email, password, "e2e");
    }

    /** GET /api/cases/{caseNumber}: the case file with its timeline. */
    Map<String, Object> caseFile(String caseNumber) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(MADOGUCHI + "/api/cases/" + caseNumber))
          .header("Authorization", authorization).header("Accept", "application/json").GET().build();
      return read(send(client, request), new TypeReference<>() {});
    }

    String status(String caseNumber) {
      return (String) caseFile(caseNumber).get("status");
    }

    @SuppressWarnings("unchecked")
    List<String> timelineActions(String caseNumber) {
      return ((List<Map<String, Object>>) caseFile(caseNumber).get("timeline")).stream().map(e -> (String) e.get("action")).toList();
    }
  }

  /** maildev's REST API: every mail the stack sent. */
  static final class MailSink {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Mail(String to, String subject, String text) {}

    @SuppressWarnings("unchecked")
    List<Mail> mailsTo(String address) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(MAILDEV + "/api/email")).GET().build();
      List<Map<String, Object>> mails = read(send(client, request), new TypeReference<>() {});
      return mails.stream()
          .filter(m -> ((List<Map<String, Object>>) m.getOrDefault("to", List.of())).stream()
              .anyMatch(to -> address.equalsIgnoreCase(String.valueOf(to.get("address")))))
          .map(m -> new Mail(address, String.valueOf(m.get("subject")), String.valueOf(m.get("text"))))
          .toList();
    }
  }

  /**
   * Operate's and Tasklist's REST APIs (v1), as the demo user: one session from {@code POST /api/login}
   * and the CSRF token it hands out. The suite reads them to find a case's task and to check the
   * process instances; what the staff do goes through Tasklist's screens.
   */
  static final class CamundaApi {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
    private String csrf;

    CamundaApi login() {
      HttpRequest request = HttpRequest.newBuilder(URI.create(CAMUNDA + "/api/login?username="
              + URLEncoder.encode(STAFF_USER, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(STAFF_PASSWORD, StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.noBody()).build();
      HttpResponse<String> response = send(client, request);
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("Camunda login refused: " + response.statusCode() + " " + response.body());
      }
      csrf = response.headers().firstValue("X-CSRF-TOKEN").orElse(null);
      return this;
    }

    private <T> T post(String path, Object body, TypeReference<T> type) {
      HttpRequest.Builder builder;
      try {
        builder = HttpRequest.newBuilder(URI.create(CAMUNDA + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      if (csrf != null) {
        builder.header("X-CSRF-TOKEN", csrf);
      }
      return read(send(client, builder.build()), type);
    }

    /** Tasklist: the open tasks of element {@code elementId} whose process has {@code caseNumber}. */
    List<Map<String, Object>> openTasks(String caseNumber, String elementId) {
      Map<String, Object> filter = Map.of(
          "state", "CREATED",
          "taskDefinitionId", elementId,
          "taskVariables", List.of(Map.of("name", "caseNumber", "value", "\"" + caseNumber + "\"", "operator", "eq")));
      return post("/v1/tasks/search", filter, new TypeReference<>() {});
    }

    /** Tasklist: one task by id. */
    Map<String, Object> task(String id) {
      HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(CAMUNDA + "/v1/tasks/" + id)).GET();
      if (csrf != null) {
        builder.header("X-CSRF-TOKEN", csrf);
      }
      return read(send(client, builder.build()), new TypeReference<>() {});
    }

    /** Operate: the process instances matching {@code filter} (e.g. key, parentKey, bpmnProcessId). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> processInstances(Map<String, Object> filter) {
      Map<String, Object> found = post("/v1/process-instances/search", Map.of("filter", filter, "size", 50), new TypeReference<>() {});
      return (List<Map<String, Object>>) found.get("items");
    }

    /** Operate: the key of the research-support instance of a case (the one whose own variable caseNumber it is). */
    @SuppressWarnings("unchecked")
    long caseInstanceKey(String caseNumber) {
      Map<String, Object> found = post("/v1/variables/search",
          Map.of("filter", Map.of("name", "caseNumber", "value", "\"" + caseNumber + "\""), "size", 50), new TypeReference<>() {});
      return ((List<Map<String, Object>>) found.get("items")).stream()
          .map(v -> ((Number) v.get("processInstanceKey")).longValue())
          .filter(key -> processInstances(Map.of("key", key)).stream().anyMatch(p -> "research-support".equals(p.get("bpmnProcessId"))))
          .findFirst().orElseThrow(() -> new AssertionError("Operate knows no research-support instance of " + caseNumber));
    }

    /** Operate: the flow-node instances of one process instance, oldest first. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> flowNodes(long processInstanceKey) {
      Map<String, Object> found = post("/v1/flownode-instances/search",
          Map.of("filter", Map.of("processInstanceKey", processInstanceKey), "size", 200), new TypeReference<>() {});
      return (List<Map<String, Object>>) found.get("items");
    }
  }
}
