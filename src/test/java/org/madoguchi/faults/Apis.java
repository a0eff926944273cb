package org.madoguchi.faults;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.testsupport.PortalApiToken;

/**
 * The HTTP APIs the suite plays and reads the stack with: Madoguchi's applicant API, Operate's v1 API
 * (one session from its login), the broker's REST v2 API (user-task completion, topology), the
 * broker's exported user-task records in OpenSearch and maildev's. Every call has a timeout: a paused service must not hang the driver.
 * A service that does not answer surfaces as {@link Unavailable}; the driver tries again later.
 */
final class Apis {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  /** The service did not answer (refused, timed out) or answered 5xx. */
  static final class Unavailable extends RuntimeException {
    Unavailable(String message) {
      super(message);
    }
  }

  /** An answer, and the address that gave it ({@code uri}: which Madoguchi instance, when there are two). */
  record Answer(int status, String body, java.net.http.HttpHeaders headers, URI uri) {
    boolean ok() {
      return status / 100 == 2;
    }

    <T> T read(TypeReference<T> type) {
      try {
        return JSON.readValue(body, type);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body, e);
      }
    }
  }

  private Apis() {}

  private static HttpClient client(CookieManager cookies) {
    HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
    return cookies == null ? builder.build() : builder.cookieHandler(cookies).build();
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
  }

  private static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer send(HttpClient client, HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500) {
        throw new Unavailable(request.method() + " " + request.uri() + " -> " + response.statusCode());
      }
      return new Answer(response.statusCode(), response.body(), response.headers(), request.uri());
    } catch (IOException e) {
      throw new Unavailable(request.method() + " " + request.uri() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted");
    }
  }

  /**
   * An applicant on Madoguchi's REST API with a personal API token, as the applicant's own programs
   * use it (made on the portal's tokens page). With several instances it keeps to the one that answered
   * last and turns to the next when that one does not answer, as behind a load balancer.
   */
  static final class Applicant {
    private final HttpClient client = client(null);
    private final List<String> instances;
    private final String email;
    private final String authorization;
    private int current;

    Applicant(List<String> instances, String email, String password) {
      this.instances = List.copyOf(instances);
      this.email = email;
      this.authorization = "Bearer " + PortalApiToken.create(instances.getFirst(), email, password, "faults");
    }

    String email() {
      return email;
    }

    synchronized Answer post(String path, Object body) {
      for (int tried = 1; ; tried++) {
        try {
          return send(client, request(instances.get(current) + path).header("Authorization", authorization)
              .header("Content-Type", "application/json").header("Accept", "application/json").POST(json(body)).build());
        } catch (Unavailable e) {
          if (tried >= instances.size()) {
            throw e;
          }
          current = (current + 1) % instances.size();
        }
      }
    }
  }

  /** Operate (with Tasklist one web application in the 8.6 stack), signed in as the demo user. */
  static final class Camunda {
    private final String baseUrl;
    private final String user;
    private final String password;
    private HttpClient client;
    private String csrf;

    Camunda(String baseUrl, String user, String password) {
      this.baseUrl = baseUrl;
      this.user = user;
      this.password = password;
    }

    private synchronized void login() {
      client = client(new CookieManager());
      Answer answer = send(client, request(baseUrl + "/api/login?username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)).POST(HttpRequest.BodyPublishers.noBody()).build());
      if (!answer.ok()) {
        throw new Unavailable("Camunda login refused: " + answer.status());
      }
      csrf = answer.headers().firstValue("X-CSRF-TOKEN").orElse(null);
    }

    /** POSTs a search; signs in (again) when there is no session or it has expired. */
    synchronized <T> T search(String path, Object body, TypeReference<T> type) {
      for (int attempt = 0; ; attempt++) {
        if (client == null) {
          login();
        }
        HttpRequest.Builder builder = request(baseUrl + path).header("Content-Type", "application/json").POST(json(body));
        if (csrf != null) {
          builder.header("X-CSRF-TOKEN", csrf);
        }
        Answer answer = send(client, builder.build());
        if (answer.status() == 401 || answer.status() == 403) {
          client = null;
          if (attempt < 1) {
            continue;
          }
        }
        if (!answer.ok()) {
          throw new Unavailable("POST " + path + " -> " + answer.status() + ": " + answer.body());
        }
        return answer.read(type);
      }
    }

    /** Operate: the items of a v1 search (process-instances, variables, incidents) matching {@code filter}. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> operate(String resource, Map<String, Object> filter) {
      Map<String, Object> found = search("/v1/" + resource + "/search", Map.of("filter", filter, "size", 1000), new TypeReference<>() {});
      return (List<Map<String, Object>>) found.get("items");
    }
  }

  /** The broker's REST v2 API (no authentication in the local stack). */
  static final class Broker {
    private final HttpClient client = client(null);
    private final String baseUrl;

    Broker(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** Completes a user task as Tasklist would, with the form's variables; the answer's status. */
    int completeUserTask(String key, Map<String, Object> variables) {
      return send(client, request(baseUrl + "/v2/user-tasks/" + key + "/completion").header("Content-Type", "application/json")
          .POST(json(Map.of("variables", variables))).build()).status();
    }

    /** GET /v2/topology: cluster size, brokers and the role each has on each partition. */
    Map<String, Object> topology() {
      return send(client, request(baseUrl + "/v2/topology").GET().build()).read(new TypeReference<>() {});
    }
  }

  /**
   * The broker's own records of user tasks, as its exporter writes them to OpenSearch. The suite finds
   * the open tasks there rather than in Tasklist: Tasklist 8.6.0's importer stops for good on a record
   * whose time falls on a whole second ("failed to parse field [creationTime]", then a
   * NumberFormatException on every retry), and its task list then stays as it was.
   */
  static final class UserTaskRecords {
    private final HttpClient client = client(null);
    private final String baseUrl;

    UserTaskRecords(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    /** One open user task: its key (for the completion), element id and process instance. */
    record OpenTask(String key, String elementId, String processInstanceKey) {}

    /** The tasks created and neither completed nor cancelled yet, oldest first. */
    @SuppressWarnings("unchecked")
    List<OpenTask> open() {
      Map<String, Object> query = Map.of("size", 10000, "sort", List.of(Map.of("position", "asc")),
          "_source", List.of("key", "intent", "value.elementId", "value.processInstanceKey"),
          "query", Map.of("bool", Map.of("filter", List.of(Map.of("term", Map.of("recordType", "EVENT")),
              Map.of("terms", Map.of("intent", List.of("CREATED", "COMPLETED", "CANCELED")))))));
      Answer answer = send(client, request(baseUrl + "/zeebe-record_user-task_*/_search").header("Content-Type", "application/json")
          .POST(json(query)).build());
      if (!answer.ok()) {
        throw new Unavailable("OpenSearch user-task records -> " + answer.status() + ": " + answer.body());
      }
      Map<String, OpenTask> open = new java.util.LinkedHashMap<>();
      for (Map<String, Object> hit : (List<Map<String, Object>>) ((Map<String, Object>) answer.read(new TypeReference<Map<String, Object>>() {})
          .get("hits")).get("hits")) {
        Map<String, Object> source = (Map<String, Object>) hit.get("_source");
        Map<String, Object> value = (Map<String, Object>) source.get("value");
        String key = String.valueOf(source.get("key"));
        if ("CREATED".equals(source.get("intent"))) {
          open.put(key, new OpenTask(key, String.valueOf(value.get("elementId")), String.valueOf(value.get("processInstanceKey"))));
        } else {
          open.remove(key);
        }
      }
      return List.copyOf(open.values());
    }
  }

  /** maildev: every mail it received, counted by Message-ID. */
  static final class MailSink {
    private final HttpClient client = client(null);
    private final String baseUrl;

    MailSink(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    @SuppressWarnings("unchecked")
    Map<String, Integer> messageIds() {
      List<Map<String, Object>> mails = send(client, request(baseUrl + "/api/email").GET().build()).read(new TypeReference<>() {});
      Map<String, Integer> counts = new HashMap<>();
      for (Map<String, Object> mail : mails) {
        Object id = mail.get("messageId");
        if (id == null && mail.get("headers") instanceof Map<?, ?> headers) {
          id = ((Map<String, Object>) headers).get("message-id");
        }
        counts.merge(String.valueOf(id).replaceAll("[<>]", ""), 1, Integer::sum);
      }
      return counts;
    }
  }
}
