package org.madoguchi.admin;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.EventBasedGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.madoguchi.admin.ModelDeployments.DefinitionVersion;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves running instances to another version of their process with the engine's process instance
 * migration. The mapping pairs every element that can hold a token or a subscription (activities,
 * event-based gateways, catch events: intermediate, boundary and event-subprocess starts) by id when both
 * versions have it with the same type;
 * what the old version has and the new cannot take is shown before anything is sent, and the engine
 * refuses an instance that waits in such an element. Each attempt is recorded with its outcome.
 */
@Component
public class InstanceMigrations {

  /** An element of the source version with no counterpart: why it cannot be mapped. */
  public record Unmapped(String elementId, String name, String reason) {}

  public record Plan(DefinitionVersion from, DefinitionVersion to, List<String> mapped, List<Unmapped> unmapped) {}

  public record Outcome(long processInstanceKey, boolean migrated, String message) {}

  public static final int MAX_INSTANCES = 200;
  private static final int MAX_MESSAGE = 4000;

  private final CamundaClient client;
  private final ModelDeployments deployments;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration timeout;

  InstanceMigrations(CamundaClient client, ModelDeployments deployments, JdbcClient jdbc, Clock clock, AdminProperties properties) {
    this.client = client;
    this.deployments = deployments;
    this.jdbc = jdbc;
    this.clock = clock;
    this.timeout = properties.deployTimeout();
  }

  public Plan plan(long fromKey, long toKey) {
    DefinitionVersion from = process(fromKey);
    DefinitionVersion to = process(toKey);
    if (!from.definition().definitionId().equals(to.definition().definitionId()) || fromKey == toKey) {
      throw InvalidRequestException.of("to", "admin.migration.other-version");
    }
    Map<String, FlowNode> source = tokenHolders(fromKey);
    Map<String, FlowNode> target = tokenHolders(toKey);
    List<String> mapped = new ArrayList<>();
    List<Unmapped> unmapped = new ArrayList<>();
    source.forEach((id, node) -> {
      FlowNode counterpart = target.get(id);
      String type = node.getElementType().getTypeName();
      if (counterpart == null) {
        unmapped.add(new Unmapped(id, node.getName(), "admin.migration.unmapped.missing"));
      } else if (!counterpart.getElementType().getTypeName().equals(type)) {
        unmapped.add(new Unmapped(id, node.getName(), "admin.migration.unmapped.type"));
      } else {
        mapped.add(id);
      }
    });
    return new Plan(from, to, mapped, unmapped);
  }

  /** One command per instance, outside any transaction; each outcome recorded as it comes. */
  public List<Outcome> migrate(String migratedBy, long fromKey, long toKey, List<Long> instanceKeys) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("a migration calls the engine: not inside a database transaction");
    }
    if (instanceKeys.isEmpty() || instanceKeys.size() > MAX_INSTANCES) {
      throw InvalidRequestException.of("instances", "admin.migration.instances");
    }
    Plan plan = plan(fromKey, toKey);
    List<Outcome> outcomes = new ArrayList<>();
    for (long instance : instanceKeys) {
      Outcome outcome;
      try {
        MigrateProcessInstanceCommandFinalStep command = null;
        for (String id : plan.mapped()) {
          command = command == null
              ? client.newMigrateProcessInstanceCommand(instance).migrationPlan(toKey).addMappingInstruction(id, id)
              : command.addMappingInstruction(id, id);
        }
        if (command == null) {
          throw InvalidRequestException.of("to", "admin.migration.nothing-maps");
        }
        command.requestTimeout(timeout).send().get(timeout.toMillis() + ModelDeployer.ANSWER_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        outcome = new Outcome(instance, true, null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        outcome = new Outcome(instance, false, EngineMessages.of(e));
      } catch (InvalidRequestException e) {
        throw e;
      } catch (Exception refused) {
        outcome = new Outcome(instance, false, EngineMessages.of(refused));
      }
      record(migratedBy, plan, outcome);
      outcomes.add(outcome);
    }
    return outcomes;
  }

  private void record(String migratedBy, Plan plan, Outcome outcome) {
    String message = outcome.message() == null || outcome.message().length() <= MAX_MESSAGE
        ? outcome.message() : outcome.message().substring(0, MAX_MESSAGE);
    jdbc.sql(
            "insert into model_instance_migrations (process_instance_key, bpmn_process_id, from_definition_key, from_version,"
                + " to_definition_key, to_version, migrated_by, migrated_at, outcome, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            outcome.processInstanceKey(), plan.from().definition().definitionId(), plan.from().definition().definitionKey(),
            plan.from().definition().version(), plan.to().definition().definitionKey(), plan.to().definition().version(),
            migratedBy, Timestamp.from(clock.instant()), outcome.migrated() ? "MIGRATED" : "REJECTED", message)
        .update();
  }

  private DefinitionVersion process(long definitionKey) {
    return deployments.version(definitionKey)
        .filter(v -> v.definition().kind() == ResourceKind.PROCESS)
        .orElseThrow(() -> new NotFoundException("process version " + definitionKey));
  }

  private Map<String, FlowNode> tokenHolders(long definitionKey) {
    ModelFile file = deployments.contentOf(definitionKey).orElseThrow(() -> new NotFoundException("process version " + definitionKey));
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
    Map<String, FlowNode> nodes = new LinkedHashMap<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      boolean processStart = node instanceof StartEvent && node.getParentElement() instanceof Process;
      if (node instanceof Activity || node instanceof EventBasedGateway || (node instanceof CatchEvent && !processStart)) {
        nodes.put(node.getId(), node);
      }
    }
    return nodes;
  }
}
