package org.madoguchi.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.admin.AdminProperties.Operate;

/**
 * Running instances from Operate's REST API v1 ({@code POST /v1/process-instances/search}, filtered by
 * process definition key and state ACTIVE), after a session sign-in ({@code POST /api/login}) whose
 * CSRF token goes along. Operate shows an instance a few seconds after the engine has it.
 */
class OperateRunningInstances implements RunningInstances {

  private static final int PAGE = 500;

  private final Operate operate;
  private final ObjectMapper json = new ObjectMapper();

  OperateRunningInstances(Operate operate) {
    this.operate = operate;
  }

  @Override
  public Map<Long, List<Long>> byVersion(Collection<Long> processDefinitionKeys) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(operate.connectTimeout()).cookieHandler(new CookieManager()).build();
    try {
      String csrf = signIn(http);
      Map<Long, List<Long>> byVersion = new LinkedHashMap<>();
      for (long key : processDefinitionKeys) {
        byVersion.put(key, active(http, csrf, key));
      }
      return byVersion;
    } catch (IOException e) {
      throw new Unavailable("Operate at " + operate.url() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted", e);
    }
  }

  private String signIn(HttpClient http) throws IOException, InterruptedException {
    String query = "username=" + encode(operate.username()) + "&password=" + encode(operate.password());
    HttpResponse<Void> answer = http.send(
        request("/api/login?" + query).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    if (answer.statusCode() / 100 != 2) {
      throw new IOException("sign-in refused (HTTP " + answer.statusCode() + ")");
    }
    return answer.headers().firstValue("X-CSRF-TOKEN").orElse(null);
  }

  private List<Long> active(HttpClient http, String csrf, long definitionKey) throws IOException, InterruptedException {
    List<Long> keys = new ArrayList<>();
    JsonNode searchAfter = null;
    while (true) {
      ObjectNode body = json.createObjectNode();
      body.putObject("filter").put("processDefinitionKey", definitionKey).put("state", "ACTIVE");
      body.put("size", PAGE);
      if (searchAfter != null) {
        body.set("searchAfter", searchAfter);
      }
      HttpRequest.Builder search = request("/v1/process-instances/search")
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
      if (csrf != null) {
        search.header("X-CSRF-TOKEN", csrf);
      }
      HttpResponse<String> answer = http.send(search.build(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IOException("search refused (HTTP " + answer.statusCode() + ")");
      }
      JsonNode page = json.readTree(answer.body());
      JsonNode items = page.path("items");
      items.forEach(item -> keys.add(item.path("key").asLong()));
      if (items.size() < PAGE) {
        return keys;
      }
      searchAfter = page.path("sortValues");
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(operate.url().replaceAll("/+$", "") + path)).timeout(operate.readTimeout());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
