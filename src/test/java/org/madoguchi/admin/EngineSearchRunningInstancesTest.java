package org.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real client against the engine's search as Camunda 8.8 answers it ({@code /v2/process-instances/search}:
 * string keys, a page with an end cursor): filtered by definition key and state ACTIVE, paged by cursor
 * until a short page. No 8.8 engine runs on these machines, so the server is a recording of that API's
 * shape, not the engine.
 */
class EngineSearchRunningInstancesTest {

  private HttpServer engine;
  private CamundaClient client;
  private final List<JsonNode> searches = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();
  private int status = 200;

  @BeforeEach
  void engine() throws IOException {
    engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    engine.createContext("/v2/process-instances/search", this::search);
    engine.start();
    client = CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .restAddress(URI.create("http://127.0.0.1:" + engine.getAddress().getPort()))
        .grpcAddress(URI.create("http://127.0.0.1:1"))
        .defaultRequestTimeout(Duration.ofSeconds(5))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    engine.stop(0);
  }

  private void search(HttpExchange exchange) throws IOException {
    JsonNode body = json.readTree(exchange.getRequestBody());
    searches.add(body);
    long definition = body.path("filter").path("processDefinitionKey").path("$eq").asLong();
    int from = body.path("page").has("after") ? Integer.parseInt(body.path("page").path("after").asText()) : 0;
    int total = definition == 1 ? 150 : 0;
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = from; i < Math.min(total, from + body.path("page").path("limit").asInt()); i++) {
      Map<String, Object> item = new HashMap<>();
      item.put("processInstanceKey", String.valueOf(1000 + i));
      item.put("processDefinitionKey", String.valueOf(definition));
      item.put("processDefinitionId", "research-support");
      item.put("state", "ACTIVE");
      items.add(item);
    }
    byte[] answer = json.writeValueAsBytes(Map.of(
        "items", items,
        "page", Map.of("totalItems", total, "startCursor", String.valueOf(from), "endCursor", String.valueOf(from + items.size()))));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, status == 200 ? answer.length : -1);
    if (status == 200) {
      exchange.getResponseBody().write(answer);
    }
    exchange.close();
  }

  @Test
  void activeInstancesOfEachVersionPageByPage() {
    Map<Long, List<Long>> byVersion = new EngineSearchRunningInstances(client).byVersion(List.of(1L, 2L));

    assertThat(byVersion.get(1L)).hasSize(150).startsWith(1000L).endsWith(1149L).doesNotHaveDuplicates();
    assertThat(byVersion.get(2L)).isEmpty();
    assertThat(searches).hasSize(3);
    assertThat(searches.getFirst().path("filter").path("state").path("$eq").asText()).isEqualTo("ACTIVE");
    assertThat(searches.getFirst().path("filter").path("processDefinitionKey").path("$eq").asText()).isEqualTo("1");
    assertThat(searches.get(1).path("page").path("after").asText()).isEqualTo("100");
  }

  @Test
  void aRefusedSearchIsReportedAsUnavailable() {
    status = 401;

    assertThatThrownBy(() -> new EngineSearchRunningInstances(client).byVersion(List.of(1L)))
        .isInstanceOf(RunningInstances.Unavailable.class)
        .hasMessageContaining("process instance search");
  }
}
