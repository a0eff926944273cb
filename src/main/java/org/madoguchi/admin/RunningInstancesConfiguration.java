package org.madoguchi.admin;

import io.camunda.client.CamundaClient;
import org.madoguchi.workflow.inmemory.InMemoryZeebe;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the running instances are counted: the in-memory engine's records when Madoguchi runs on that
 * engine (it is a bean then); Operate on a Camunda 8.6 stack, whose engine has no search; the engine's
 * own search on 8.8.
 */
@Configuration(proxyBeanMethods = false)
class RunningInstancesConfiguration {

  @Bean
  RunningInstances runningInstances(ObjectProvider<InMemoryZeebe> inMemoryEngine, CamundaClient client, AdminProperties properties) {
    InMemoryZeebe engine = inMemoryEngine.getIfAvailable();
    if (engine != null) {
      return new InMemoryRunningInstances(engine);
    }
    return properties.engineVersion() == EngineVersion.CAMUNDA_8_6
        ? new OperateRunningInstances(properties.operate())
        : new EngineSearchRunningInstances(client);
  }
}
