package org.madoguchi.admin;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DecisionRequirements;
import io.camunda.client.api.response.DeploymentEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.madoguchi.admin.ModelDeployments.Definition;
import org.madoguchi.admin.ModelDeployments.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a set of resources to the engine in one deploy command (the engine takes all of them or none)
 * and records it: the request first, then the engine's keys and versions, or its refusal. No database
 * transaction is open while the engine is called.
 */
@Component
public class ModelDeployer {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  /** How it went: the recorded deployment and, when the engine refused or did not answer, why. */
  public record Outcome(long deploymentId, boolean deployed, String failure) {}

  /** Past the request timeout, how long the answer may still take to arrive before the call is given up. */
  static final long ANSWER_GRACE_MILLIS = 5_000;

  private final CamundaClient client;
  private final ModelDeployments deployments;
  private final Duration timeout;

  ModelDeployer(CamundaClient client, ModelDeployments deployments, AdminProperties properties) {
    this.client = client;
    this.deployments = deployments;
    this.timeout = properties.deployTimeout();
  }

  public Outcome deploy(Kind kind, String deployedBy, String versionTag, String comment, Long rollsBack, List<ModelFile> resources) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a deployment calls the engine: not inside a database transaction");
    }
    List<ModelFile> deployable = resources.stream().filter(ResourceKind::deployable).toList();
    if (deployable.isEmpty()) {
      throw new IllegalArgumentException("nothing the engine takes in " + resources.stream().map(ModelFile::name).toList());
    }
    long id = deployments.begin(kind, deployedBy, versionTag, comment, rollsBack, deployable);
    DeploymentEvent event;
    try {
      event = send(deployable);
    } catch (Exception refused) {
      String reason = EngineMessages.of(refused);
      log.warn("deployment {} of {} refused: {}", id, deployable.stream().map(ModelFile::name).toList(), reason);
      deployments.failed(id, reason);
      return new Outcome(id, false, reason);
    }
    deployments.deployed(id, event.getKey(), definitions(event));
    return new Outcome(id, true, null);
  }

  /**
   * The application's own models at start-up. The engine keeps an unchanged resource's version, so
   * most starts change nothing and are not recorded; one that made a new version is, as the
   * application's. A refusal stops the start, as a model the engine refuses cannot run.
   */
  public void deployAtStartUp(List<ModelFile> resources) {
    DeploymentEvent event;
    try {
      event = send(resources);
    } catch (Exception refused) {
      throw new IllegalStateException("the engine refused the application's models: " + EngineMessages.of(refused), refused);
    }
    List<Definition> definitions = definitions(event);
    if (definitions.stream().anyMatch(d -> !deployments.knows(d.definitionKey()))) {
      long id = deployments.begin(Kind.STARTUP, ModelDeployments.APPLICATION, null, null, null, resources);
      deployments.deployed(id, event.getKey(), definitions);
    }
  }

  private DeploymentEvent send(List<ModelFile> resources) throws Exception {
    DeployResourceCommandStep1 command = client.newDeployResourceCommand();
    DeployResourceCommandStep2 withResources = null;
    for (ModelFile resource : resources) {
      withResources = (withResources == null ? command : withResources).addResourceBytes(resource.content(), resource.name());
    }
    try {
      return withResources.requestTimeout(timeout).send().get(timeout.toMillis() + ANSWER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  private static List<Definition> definitions(DeploymentEvent event) {
    List<Definition> definitions = new ArrayList<>();
    event.getProcesses().forEach(p -> definitions.add(
        new Definition(ResourceKind.PROCESS, p.getBpmnProcessId(), p.getVersion(), p.getProcessDefinitionKey(), p.getResourceName())));
    Map<Long, String> drgResource = event.getDecisionRequirements().stream()
        .collect(Collectors.toMap(DecisionRequirements::getDecisionRequirementsKey, DecisionRequirements::getResourceName, (a, b) -> a));
    event.getDecisions().forEach(d -> definitions.add(
        new Definition(ResourceKind.DECISION, d.getDmnDecisionId(), d.getVersion(), d.getDecisionKey(),
            drgResource.getOrDefault(d.getDecisionRequirementsKey(), d.getDmnDecisionRequirementsId() + ".dmn"))));
    event.getForm().forEach(f -> definitions.add(
        new Definition(ResourceKind.FORM, f.getFormId(), f.getVersion(), f.getFormKey(), f.getResourceName())));
    return definitions;
  }

}
