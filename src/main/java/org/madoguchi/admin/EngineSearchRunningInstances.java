package org.madoguchi.admin;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running instances from the engine's own search ({@code POST /v2/process-instances/search}, Camunda
 * 8.8), through the client Madoguchi already signs in with: the compose stack's way. Camunda 8.6 has no
 * such search, so against the local stack Operate answers ({@link OperateRunningInstances}).
 */
class EngineSearchRunningInstances implements RunningInstances {

  private static final int PAGE = 100;

  private final CamundaClient client;

  /** The client's request timeout (camunda.client.request-timeout) bounds each search. */
  EngineSearchRunningInstances(CamundaClient client) {
    this.client = client;
  }

  @Override
  public Map<Long, List<Long>> byVersion(Collection<Long> processDefinitionKeys) {
    Map<Long, List<Long>> byVersion = new LinkedHashMap<>();
    try {
      for (long key : processDefinitionKeys) {
        byVersion.put(key, active(key));
      }
    } catch (ClientException e) {
      throw new Unavailable("the engine's process instance search: " + e.getMessage(), e);
    }
    return byVersion;
  }

  private List<Long> active(long definitionKey) {
    List<Long> keys = new ArrayList<>();
    String cursor = null;
    while (true) {
      String after = cursor;
      SearchResponse<ProcessInstance> page = client.newProcessInstanceSearchRequest()
          .filter(f -> f.processDefinitionKey(definitionKey).state(ProcessInstanceState.ACTIVE))
          .page(p -> (after == null ? p : p.after(after)).limit(PAGE))
          .send()
          .join();
      page.items().forEach(instance -> keys.add(instance.getProcessInstanceKey()));
      cursor = page.page().endCursor();
      if (page.items().size() < PAGE || cursor == null) {
        return keys;
      }
    }
  }
}
