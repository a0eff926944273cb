package org.madoguchi.admin;

import org.madoguchi.workflow.inmemory.InMemoryZeebe;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-memory engine's records when Madoguchi runs on that engine (it is a bean then), Operate otherwise. */
@Configuration(proxyBeanMethods = false)
class RunningInstancesConfiguration {

  @Bean
  RunningInstances runningInstances(ObjectProvider<InMemoryZeebe> inMemoryEngine, AdminProperties properties) {
    InMemoryZeebe engine = inMemoryEngine.getIfAvailable();
    return engine != null ? new InMemoryRunningInstances(engine) : new OperateRunningInstances(properties.operate());
  }
}
