package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;

/**
 * Real public Camunda 8 models and forms (src/test/resources/model-corpus, SOURCES.md): the valid ones are
 * accepted, those needing a newer engine are refused for 8.6 and accepted for 8.8, and variants with one
 * defect each are refused at the right element with the right code.
 */
class ModelCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/model-corpus");
  private static final Pattern FLOW = Pattern.compile("<bpmn:sequenceFlow id=\"([^\"]+)\"[^>]*targetRef=\"([^\"]+)\"");
  private static final Pattern JOB_TYPE = Pattern.compile("<zeebe:taskDefinition type=\"([^\"]+)\"");

  private static ModelFile corpus(String name) {
    try {
      return new ModelFile(name, Files.readAllBytes(CORPUS.resolve(name)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<ModelProblem> problemsOf(ModelFile file, EngineVersion target) {
    return OwnModels.CHECKS.validateForEngine(List.of(file), target, Locale.ENGLISH).problems();
  }

  private static String text(ModelFile file) {
    return new String(file.content(), StandardCharsets.UTF_8);
  }

  private static ModelFile with(ModelFile file, String content) {
    return new ModelFile(file.name(), content.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "zeebe-user-task.bpmn", "message-correlation-test.bpmn", "Signal.bpmn", "conditional-pathway.bpmn",
      "test-drd.dmn", "dish-decision.dmn", "demoForm.form"})
  void aValidPublicModelIsAcceptedOnEveryVersion(String name) {
    for (EngineVersion target : EngineVersion.values()) {
      assertThat(problemsOf(corpus(name), target)).as("%s on %s", name, target).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-basic-form.form", "modeler-e2e-form.form"})
  void aFormOfANewerFormJsIsRefusedFor86AndAcceptedFor88(String name) {
    assertThat(problemsOf(corpus(name), EngineVersion.CAMUNDA_8_6)).extracting(ModelProblem::code)
        .containsExactly("form-schema-version");
    assertThat(problemsOf(corpus(name), EngineVersion.CAMUNDA_8_8)).isEmpty();
  }

  @Test
  void adHocSubprocessesAreRefusedFor86AndPassTheVersionRuleFor88() {
    ModelFile model = corpus("bpmnlint-valid-adhoc-subprocess.bpmn");
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_6))
        .filteredOn(p -> p.code().equals("engine-feature")).extracting(ModelProblem::elementId)
        .contains("AdHocSubProcess", "Activity_0c2e7ft", "Activity_1ev6kys", "Activity_02eg4j6");
    // On 8.8 only Zeebe's own rule on the fixture's several none start events remains.
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .containsExactly(tuple("Process_1", "zeebe-rule"));
  }

  @Test
  void taskListenersAreRefusedFor86AndPassTheVersionRuleFor88() {
    ModelFile model = corpus("properties-panel-TaskListenerProps.bpmn");
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_6)).filteredOn(p -> p.code().equals("engine-feature"))
        .isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("8.8"));
    assertThat(problemsOf(model, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::code).doesNotContain("engine-feature")
        .allMatch(code -> code.equals("zeebe-rule"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zeebe-user-task.bpmn", "message-correlation-test.bpmn", "Signal.bpmn", "conditional-pathway.bpmn"})
  void aFlowToAMissingElementAndADuplicateIdAreRefusedAtTheirIds(String name) {
    ModelFile model = corpus(name);
    String xml = text(model);
    Matcher flow = FLOW.matcher(xml);
    assertThat(flow.find()).isTrue();
    String id = flow.group(1);
    String target = flow.group(2);

    ModelFile dangling = with(model, xml.replace("targetRef=\"" + target + "\"", "targetRef=\"Gone_" + target + "\""));
    assertThat(problemsOf(dangling, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .contains(tuple(id, "reference-missing"));

    // The flow's id given to an end event as well.
    ModelFile duplicate = with(model, xml.replaceFirst("<bpmn:endEvent id=\"[^\"]+\"", "<bpmn:endEvent id=\"" + id + "\""));
    assertThat(problemsOf(duplicate, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .contains(tuple(id, "duplicate-id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Signal.bpmn", "conditional-pathway.bpmn"})
  void aFeelSyntaxErrorIsRefusedAtItsElement(String name) {
    ModelFile model = corpus(name);
    Matcher job = JOB_TYPE.matcher(text(model));
    assertThat(job.find()).isTrue();
    String owner = elementBefore(text(model), job.start());
    ModelFile broken = with(model, text(model).replace(job.group(), "<zeebe:taskDefinition type=\"=" + job.group(1) + " +\""));
    assertThat(problemsOf(broken, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .contains(tuple(owner, "feel-syntax"));
  }

  @Test
  void aFormWithADuplicateKeyIsRefusedAtTheSecondField() throws IOException {
    ModelFile form = corpus("test-basic-form.form");
    ObjectMapper json = new ObjectMapper();
    ObjectNode schema = (ObjectNode) json.readTree(form.content());
    var keyed = schema.path("components").findParents("key");
    ((ObjectNode) keyed.get(1)).put("key", keyed.get(0).path("key").asText());
    ModelFile broken = with(form, json.writeValueAsString(schema));
    assertThat(problemsOf(broken, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::elementId, ModelProblem::code)
        .containsExactly(tuple(keyed.get(1).path("id").asText(), "form-duplicate-key"));
  }

  @Test
  void aDecisionWithABrokenExpressionIsRefusedWithItsId() {
    ModelFile decision = corpus("dish-decision.dmn");
    String text = text(decision);
    Matcher entry = Pattern.compile("<text>([^<]+)</text>").matcher(text);
    assertThat(entry.find()).isTrue();
    ModelFile broken = with(decision, text.replace(entry.group(), "<text>" + entry.group(1) + " )(</text>"));
    assertThat(problemsOf(broken, EngineVersion.CAMUNDA_8_8)).extracting(ModelProblem::code).containsExactly("dmn-invalid");
    assertThat(problemsOf(broken, EngineVersion.CAMUNDA_8_8).getFirst().elementId()).isNotNull();
  }

  /** The id of the BPMN element whose start tag comes last before {@code offset}, skipping extension elements. */
  private static String elementBefore(String xml, int offset) {
    Matcher open = Pattern.compile("<bpmn:(?!extensionElements)[A-Za-z]+ id=\"([^\"]+)\"").matcher(xml);
    String id = null;
    while (open.find() && open.start() < offset) {
      id = open.group(1);
    }
    return id;
  }
}
