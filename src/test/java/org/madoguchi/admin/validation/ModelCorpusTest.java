package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.madoguchi.admin.validation.ModelCorpus.file;
import static org.madoguchi.admin.validation.ModelCorpus.problemsOf;
import static org.madoguchi.admin.validation.ModelCorpus.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;

/**
 * Real public Camunda 8 models and forms (src/test/resources/model-corpus, SOURCES.md): the valid ones are
 * accepted, those needing a newer engine are refused for 8.6 at the elements that need it and accepted for
 * 8.8, and variants with one defect each are refused at the right element with the right code.
 * ModelCorpusDeploysIT shows that the 8.8 engine agrees.
 */
class ModelCorpusTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "zeebe-user-task.bpmn", "message-correlation-test.bpmn", "Signal.bpmn", "conditional-pathway.bpmn",
      "test-drd.dmn", "dish-decision.dmn", "demoForm.form"})
  void aValidPublicModelIsAcceptedOnEveryVersion(String name) {
    for (EngineVersion target : EngineVersion.values()) {
      assertThat(problemsOf(file(name), target)).as("%s on %s", name, target).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "test-basic-form.form", "modeler-e2e-form.form", "escalate-to-human.form", "human-resolution.form",
      "review-case-resolution.form"})
  void aFormOfANewerFormJsIsRefusedFor86AndAcceptedFor88(String name) {
    assertThat(problemsOf(file(name), EngineVersion.CAMUNDA_8_6)).extracting(ModelProblem::code)
        .containsExactly("form-schema-version");
    assertThat(problemsOf(file(name), EngineVersion.CAMUNDA_8_8)).isEmpty();
  }

  @Test
  void anAiAgentProcessIsRefusedFor86AtItsAdHocSubprocessAndAcceptedFor88() {
    ModelFile model = file("ai-email-support-agent.bpmn");
    // The ad-hoc subprocess (8.7) is itself the AI agent's job worker, collects its tools' results and
    // maps an input without a source: three more features of 8.8, all on that one element.
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_6))
        .allSatisfy(p -> assertThat(p.code()).isEqualTo("engine-feature"))
        .extracting(ModelProblem::elementId)
        .containsOnly("Activity_04glkkx")
        .hasSize(4);
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_6)).extracting(ModelProblem::message)
        .anySatisfy(message -> assertThat(message).contains("8.7"))
        .anySatisfy(message -> assertThat(message).contains("8.8"));
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_8)).isEmpty();
  }

  @Test
  void aTaskListenerIsRefusedFor86AtItsUserTaskAndAcceptedFor88() {
    ModelFile model = file("derived-task-listener.bpmn");
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_6)).singleElement().satisfies(problem -> {
      assertThat(problem.elementId()).isEqualTo("Activity_1d6heog");
      assertThat(problem.code()).isEqualTo("engine-feature");
      assertThat(problem.message()).contains("8.8");
    });
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_8)).isEmpty();
  }

  /** Fixtures of a linter and of Modeler's properties panel: the feature passes on 8.8, their start events never do. */
  @Test
  void fixturesThatNoEngineDeploysAreRefusedOn88OnlyForZeebesStartEventRules() {
    ModelFile adHoc = file("bpmnlint-valid-adhoc-subprocess.bpmn");
    assertThat(problemsOf(adHoc, EngineVersion.CAMUNDA_8_6))
        .filteredOn(p -> p.code().equals("engine-feature")).extracting(ModelProblem::elementId)
        .contains("AdHocSubProcess", "Activity_0c2e7ft", "Activity_1ev6kys", "Activity_02eg4j6");
    assertThat(problemsOf(adHoc, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .containsExactly(tuple("Process_1", "zeebe-rule"));

    ModelFile listeners = file("properties-panel-TaskListenerProps.bpmn");
    assertThat(problemsOf(listeners, EngineVersion.CAMUNDA_8_6)).filteredOn(p -> p.code().equals("engine-feature"))
        .isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("8.8"));
    assertThat(problemsOf(listeners, EngineVersion.CAMUNDA_8_8)).isNotEmpty().extracting(ModelProblem::code)
        .containsOnly("zeebe-rule");
  }

  @ParameterizedTest
  @MethodSource("org.madoguchi.admin.validation.ModelCorpus#engineLevelDefects")
  void aVariantWithOneDefectIsRefusedAtItsElementOnEveryVersion(ModelCorpus.Broken broken) {
    for (EngineVersion target : EngineVersion.values()) {
      assertThat(problemsOf(broken.file(), target)).as("%s on %s", broken, target)
          .extracting(ModelProblem::elementId, ModelProblem::code)
          .contains(tuple(broken.elementId(), broken.code()));
    }
  }

  @Test
  void aFormWithADuplicateKeyIsRefusedAtTheSecondField() throws IOException {
    ModelFile form = file("test-basic-form.form");
    ObjectMapper json = new ObjectMapper();
    ObjectNode schema = (ObjectNode) json.readTree(form.content());
    var keyed = schema.path("components").findParents("key");
    ((ObjectNode) keyed.get(1)).put("key", keyed.get(0).path("key").asText());
    ModelFile broken = with(form, json.writeValueAsString(schema));
    assertThat(problemsOf(broken, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .containsExactly(tuple(keyed.get(1).path("id").asText(), "form-duplicate-key"));
  }
}
