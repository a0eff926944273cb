package org.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.AdminProperties.Operate;

/**
 * Operate's side as the 8.6 stack answers: a session from {@code /api/login} with its CSRF token, then
 * the v1 search filtered by definition key and state, paged by {@code searchAfter}.
 */
class OperateRunningInstancesTest {

  private static final String CSRF = "csrf-123";

  private HttpServer operate;
  private final List<JsonNode> searches = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private int loginStatus = 204;

  @BeforeEach
  void operate() throws IOException {
    operate = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    operate.createContext("/api/login", exchange -> {
      boolean right = exchange.getRequestURI().getQuery().equals("username=demo&password=demo");
      exchange.getResponseHeaders().add("Set-Cookie", "OPERATE-SESSION=s1; Path=/");
      exchange.getResponseHeaders().add("X-CSRF-TOKEN", CSRF);
      exchange.sendResponseHeaders(right ? loginStatus : 401, -1);
      exchange.close();
    });
    operate.createContext("/v1/process-instances/search", this::search);
    operate.start();
  }

  @AfterEach
  void stop() {
    operate.stop(0);
  }

  private void search(HttpExchange exchange) throws IOException {
    boolean signedIn = exchange.getRequestHeaders().getFirst("Cookie").contains("OPERATE-SESSION=s1")
        && CSRF.equals(exchange.getRequestHeaders().getFirst("X-CSRF-TOKEN"));
    JsonNode body = json.readTree(exchange.getRequestBody());
    searches.add(body);
    long key = body.path("filter").path("processDefinitionKey").asLong();
    List<Map<String, Object>> items = new ArrayList<>();
    int from = body.has("searchAfter") ? body.path("searchAfter").get(0).asInt() : 0;
    int total = key == 1 ? 501 : 0;
    for (int i = from; i < Math.min(total, from + body.path("size").asInt()); i++) {
      items.add(Map.of("key", 1000 + i, "state", "ACTIVE"));
    }
    byte[] answer = json.writeValueAsBytes(Map.of("items", items, "sortValues", List.of(from + items.size()), "total", total));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(signedIn ? 200 : 401, signedIn ? answer.length : -1);
    if (signedIn) {
      exchange.getResponseBody().write(answer);
    }
    exchange.close();
  }

  private OperateRunningInstances client(String password) {
    return new OperateRunningInstances(new Operate(
        "http://127.0.0.1:" + operate.getAddress().getPort() + "/", "demo", password, Duration.ofSeconds(5), Duration.ofSeconds(15)));
  }

  @Test
  void theActiveInstancesOfEachVersionAreReadPageByPage() {
    Map<Long, List<Long>> byVersion = client("demo").byVersion(List.of(1L, 2L));
    assertThat(byVersion.get(1L)).hasSize(501).startsWith(1000L).endsWith(1500L);
    assertThat(byVersion.get(2L)).isEmpty();
    assertThat(searches).allSatisfy(s -> assertThat(s.path("filter").path("state").asText()).isEqualTo("ACTIVE"));
    assertThat(searches).hasSize(3);
    assertThat(searches.get(1).path("searchAfter").toString()).isEqualTo("[500]");
  }

  @Test
  void aRefusedSignInMakesTheCountsUnavailable() {
    assertThatThrownBy(() -> client("wrong").byVersion(List.of(1L)))
        .isInstanceOf(RunningInstances.Unavailable.class)
        .hasMessageContaining("HTTP 401");
    loginStatus = 500;
    assertThatThrownBy(() -> client("demo").byVersion(List.of(1L))).isInstanceOf(RunningInstances.Unavailable.class);
  }
}
