package org.madoguchi.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.admin.InstanceMigrations.Outcome;
import org.madoguchi.admin.InstanceMigrations.Plan;
import org.madoguchi.admin.ModelChanges.DeployResult;
import org.madoguchi.admin.ModelDeployments.DefinitionVersion;
import org.madoguchi.admin.ModelDeployments.Kind;
import org.madoguchi.admin.ModelDeployments.Status;
import org.madoguchi.admin.ModelDiff.Aspect;
import org.madoguchi.admin.ModelDiff.Change;
import org.madoguchi.admin.ModelDiff.FileStatus;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deployment lifecycle on the real engine and MariaDB: the start-up deployment is recorded as
 * version 1's origin; a changed process deploys as the next version with its tag, comment and author; a
 * running case migrates to it and is counted there; a rollback deploys the previous content as the
 * newest version and the case migrates back and goes on. A bundle the engine refuses deploys nothing
 * and is recorded as failed with the engine's message.
 */
@MadoguchiIT
class ModelLifecycleIT {

  private static final String ADMIN = "admin@madoguchi.example";
  private static final String PROCESS = "research-support";

  @Autowired ModelChanges changes;
  @Autowired ModelDeployments deployments;
  @Autowired ModelDeployer deployer;
  @Autowired InstanceMigrations migrations;
  @Autowired Rollbacks rollbacks;
  @Autowired RunningInstances running;
  @Autowired TestRestTemplate rest;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired JdbcTemplate jdbc;

  private ProcessDriver engine;
  private Journey journey;

  @BeforeEach
  void setUp() {
    engine = ProcessDriver.onEmbeddedEngine();
    journey = new Journey(engine, jdbc);
  }

  @Test
  void theStartUpDeploymentIsRecordedWithEveryPackagedModel() {
    List<DefinitionVersion> versions = deployments.versions();
    assertThat(versions).extracting(v -> v.definition().definitionId())
        .contains(PROCESS, "unit-support", "data-deposit", "fee-schedule", "consultation", "support-request");
    DefinitionVersion first = versions.stream()
        .filter(v -> v.definition().definitionId().equals(PROCESS) && v.definition().version() == 1).findFirst().orElseThrow();
    assertThat(first.deployment().kind()).isEqualTo(Kind.STARTUP);
    assertThat(first.deployment().deployedBy()).isEqualTo(ModelDeployments.APPLICATION);
    assertThat(deployments.resourcesOf(first.deployment().id())).extracting(ModelFile::name)
        .contains("research-support.bpmn", "fee-schedule.dmn", "consultation.form");
  }

  @Test
  void aChangedProcessDeploysAsTheNextVersionAnInstanceMigratesToItAndBackAfterTheRollback() throws IOException {
    DefinitionVersion current = newest();
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    engine.awaitUserTask(run.instance(), "Consultation");
    assertThat(running.byVersion(List.of(current.definition().definitionKey())).get(current.definition().definitionKey()))
        .contains(run.instance());

    byte[] original = deployments.contentOf(current.definition().definitionKey()).orElseThrow().content();
    byte[] renamed = new String(original, StandardCharsets.UTF_8)
        .replace("name=\"Consultation at the desk\"", "name=\"Consultation with the desk\"").getBytes(StandardCharsets.UTF_8);
    long upload = changes.upload(ADMIN, List.of(new ModelFile("research-support.bpmn", renamed)));
    assertThat(changes.diff(changes.find(upload)))
        .singleElement()
        .satisfies(diff -> {
          assertThat(diff.status()).isEqualTo(FileStatus.CHANGED);
          assertThat(diff.changes()).containsExactly(
              new Change(Aspect.RENAMED, "Consultation", "Consultation at the desk", "Consultation with the desk"));
        });

    assertThatThrownBy(() -> changes.deploy(changes.find(upload), ADMIN, "not a tag", "Renamed", Locale.ENGLISH))
        .hasMessageContaining("invalid");
    DeployResult result = changes.deploy(changes.find(upload), ADMIN, "it-2", "Renamed the desk's task", Locale.ENGLISH);
    assertThat(result.report().deployable()).isTrue();
    assertThat(result.outcome().deployed()).isTrue();
    DefinitionVersion next = newest();
    assertThat(next.definition().version()).isEqualTo(current.definition().version() + 1);
    assertThat(next.deployment().versionTag()).isEqualTo("it-2");
    assertThat(next.deployment().comment()).isEqualTo("Renamed the desk's task");
    assertThat(next.deployment().deployedBy()).isEqualTo(ADMIN);
    assertThat(new String(deployments.contentOf(next.definition().definitionKey()).orElseThrow().content(), StandardCharsets.UTF_8))
        .contains("zeebe:versionTag value=\"it-2\"");
    assertThat(deployments.version(current.definition().definitionKey())).as("the previous version stays listed").isPresent();
    assertThatThrownBy(() -> changes.deploy(changes.find(upload), ADMIN, "it-3", "Again", Locale.ENGLISH))
        .as("an upload deploys once").hasMessageContaining("invalid");

    Plan plan = migrations.plan(current.definition().definitionKey(), next.definition().definitionKey());
    assertThat(plan.unmapped()).isEmpty();
    assertThat(plan.mapped()).contains("Consultation", "RegisterCase");
    List<Outcome> outcomes = migrations.migrate(ADMIN, current.definition().definitionKey(), next.definition().definitionKey(), List.of(run.instance()));
    assertThat(outcomes).containsExactly(new Outcome(run.instance(), true, null));
    await().atMost(ProcessDriver.TIMEOUT).untilAsserted(() ->
        assertThat(running.byVersion(List.of(next.definition().definitionKey())).get(next.definition().definitionKey())).contains(run.instance()));
    assertThat(jdbc.queryForObject(
        "select outcome from model_instance_migrations where process_instance_key = ? and to_definition_key = ?",
        String.class, run.instance(), next.definition().definitionKey())).isEqualTo("MIGRATED");

    ModelDeployer.Outcome rollback = rollbacks.rollBack(result.outcome().deploymentId(), ADMIN);
    assertThat(rollback.deployed()).isTrue();
    DefinitionVersion restored = newest();
    assertThat(restored.definition().version()).isEqualTo(next.definition().version() + 1);
    assertThat(restored.deployment().kind()).isEqualTo(Kind.ROLLBACK);
    assertThat(restored.deployment().rollsBack()).isEqualTo(result.outcome().deploymentId());
    assertThat(deployments.contentOf(restored.definition().definitionKey()).orElseThrow().content()).isEqualTo(original);

    assertThat(migrations.migrate(ADMIN, next.definition().definitionKey(), restored.definition().definitionKey(), List.of(run.instance())))
        .extracting(Outcome::migrated).containsExactly(true);
    journey.deskDeclines(run, "Out of scope for the platform.");
    engine.awaitInstanceEnded(run.instance());
  }

  @Test
  void aBundleTheEngineRefusesDeploysNothingAndIsRecordedAsFailed() throws IOException {
    byte[] form = Files.readAllBytes(Path.of("forms", "consultation.form"));
    byte[] changedForm = new String(form, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"versionTag\": \"refused-bundle\",")
        .getBytes(StandardCharsets.UTF_8);
    long formVersionsBefore = formVersions();
    ModelDeployer.Outcome outcome = deployer.deploy(Kind.UPLOAD, ADMIN, "broken", "A broken bundle", null, List.of(
        new ModelFile("consultation.form", changedForm),
        new ModelFile("broken.bpmn", "<definitions>not a process".getBytes(StandardCharsets.UTF_8))));
    assertThat(outcome.deployed()).isFalse();
    assertThat(outcome.failure()).contains("broken.bpmn");
    ModelDeployments.Deployment failed = deployments.find(outcome.deploymentId()).orElseThrow();
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.failure()).isEqualTo(outcome.failure());
    assertThat(formVersions()).as("the form of the refused bundle was not deployed").isEqualTo(formVersionsBefore);
    assertThat(Arrays.equals(deployments.current().stream().filter(f -> f.name().equals("consultation.form")).findFirst().orElseThrow().content(), changedForm))
        .isFalse();
  }

  private long formVersions() {
    return deployments.versions().stream().filter(v -> v.definition().definitionId().equals("consultation")).count();
  }

  private DefinitionVersion newest() {
    return deployments.versions().stream()
        .filter(v -> v.definition().definitionId().equals(PROCESS))
        .max((a, b) -> Integer.compare(a.definition().version(), b.definition().version()))
        .orElseThrow();
  }
}
