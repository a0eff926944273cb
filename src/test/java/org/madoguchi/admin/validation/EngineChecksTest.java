package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.madoguchi.admin.validation.OwnModels.changed;
import static org.madoguchi.admin.validation.OwnModels.text;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;

/** The engine-level checks, each by a variant of one of Madoguchi's models with one defect. */
class EngineChecksTest {

  private static List<ModelProblem> problemsOf(EngineVersion target, ModelFile upload) {
    return OwnModels.CHECKS.validateForEngine(List.of(upload), target, Locale.ENGLISH).problems();
  }

  private static void assertProblem(ModelFile upload, String elementId, String code) {
    assertThat(problemsOf(EngineVersion.CAMUNDA_8_8, upload)).as("problems of %s", upload.name())
        .extracting(ModelProblem::file, ModelProblem::elementId, ModelProblem::code)
        .contains(tuple(upload.name(), elementId, code));
  }

  @Test
  void aDuplicateIdIsRefusedWithTheId() {
    assertProblem(changed("unit-support.bpmn", "id=\"RecordUsage\"", "id=\"RecordAssignment\""), "RecordAssignment", "duplicate-id");
  }

  @Test
  void aSequenceFlowToAMissingElementIsRefusedAtTheFlow() {
    assertProblem(changed("unit-support.bpmn", "targetRef=\"RecordUsage\"", "targetRef=\"RecordUse\""),
        "Flow_SessionRecorded", "reference-missing");
  }

  @Test
  void aFeelSyntaxErrorInAConditionIsRefusedAtItsFlow() {
    ModelFile broken = changed("unit-support.bpmn", "=unitDecision = \"return\"", "=unitDecision = (\"return\"");
    assertProblem(broken, "Flow_Return", "feel-syntax");
  }

  @Test
  void zeebesDesignTimeRulesApply() {
    // A service task needs a job type.
    assertProblem(changed("unit-support.bpmn", "<zeebe:taskDefinition type=\"booking.reserve\" retries=\"3\" />", ""),
        "ReserveInstrument", "zeebe-rule");
  }

  @Test
  void anInvalidSchemaIsRefused() {
    assertProblem(changed("unit-support.bpmn", "isExecutable=\"true\"", "isExecutable=\"maybe\""),
        null, "bpmn-schema");
  }

  @Test
  void aDecisionTheEngineCannotParseIsRefusedWithItsId() {
    assertProblem(changed("fee-schedule.dmn", "<text>\"industry\"</text>", "<text>\"industry\" ++</text>"),
        "fee-schedule", "dmn-invalid");
    assertProblem(changed("fee-schedule.dmn", "hitPolicy=\"FIRST\"", "hitPolicy=\"FIRSTS\""), "fee-schedule", "dmn-invalid");
  }

  @Test
  void aFormSchemaVersionTheEnginesTasklistCannotReadIsRefused() {
    ModelFile form = changed("reschedule.form", "\"schemaVersion\": 16", "\"schemaVersion\": 18");
    assertThat(problemsOf(EngineVersion.CAMUNDA_8_6, form)).extracting(ModelProblem::code).containsExactly("form-schema-version");
    assertThat(problemsOf(EngineVersion.CAMUNDA_8_8, form)).isEmpty();
  }

  @Test
  void aDuplicateFormKeyIsRefusedAtTheSecondField() {
    assertProblem(changed("finance-review.form", "\"key\": \"financeApproved\"", "\"key\": \"financeNote\""),
        "Field_financeApproved", "form-duplicate-key");
  }

  @Test
  void adHocSubprocessesNeed87AndTaskListeners88() {
    ModelFile adHoc = changed("unit-support.bpmn", "<bpmn:endEvent id=\"UnitSupportCompleted\" name=\"Unit support completed\">",
        "<bpmn:adHocSubProcess id=\"Extras\"><bpmn:task id=\"Extra\" /></bpmn:adHocSubProcess>"
            + "<bpmn:endEvent id=\"UnitSupportCompleted\" name=\"Unit support completed\">");
    assertRefusedOn86AcceptedOn88(adHoc, "Extras");

    ModelFile listener = changed("unit-support.bpmn", "<zeebe:userTask />",
        "<zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType=\"completing\" type=\"task.check\" /></zeebe:taskListeners>");
    assertRefusedOn86AcceptedOn88(listener, "AcceptAssignment");
  }

  @Test
  void anInputMappingWithoutSourceNeeds88() {
    ModelFile unset = changed("data-deposit.bpmn", "<zeebe:input source=\"=null\" target=\"depositSummary\" />",
        "<zeebe:input target=\"depositSummary\" />");
    assertRefusedOn86AcceptedOn88(unset, "DepositDataset");
  }

  @Test
  void versionTagsAndExecutionListenersRunOn86() {
    ModelFile tagged = changed("unit-support.bpmn", "<bpmn:startEvent id=\"UnitSupportRequested\"",
        "<bpmn:extensionElements><zeebe:versionTag value=\"v2\" /></bpmn:extensionElements><bpmn:startEvent id=\"UnitSupportRequested\"");
    assertThat(problemsOf(EngineVersion.CAMUNDA_8_6, tagged)).isEmpty();
  }

  @Test
  void formFeaturesNewerThanTheEngineAreRefused() {
    ModelFile form = text("upload-files.form", """
        {"id": "upload-files", "schemaVersion": 16, "type": "default", "components": [
          {"id": "Files", "type": "filepicker", "key": "files", "label": "Files"},
          {"id": "Code", "type": "textfield", "key": "code", "label": "Code",
           "validate": {"pattern": "[A-Z]+", "patternErrorMessage": "Capitals only"}}]}
        """);
    assertRefusedOn86AcceptedOn88(form, "Files", "Code");
  }

  /** Refused for 8.6 with the engine-feature problem at exactly these elements, and accepted for 8.8. */
  private static void assertRefusedOn86AcceptedOn88(ModelFile upload, String... elementIds) {
    assertThat(problemsOf(EngineVersion.CAMUNDA_8_6, upload)).allMatch(p -> p.code().equals("engine-feature"))
        .extracting(ModelProblem::elementId).containsExactly(elementIds);
    assertThat(problemsOf(EngineVersion.CAMUNDA_8_8, upload)).isEmpty();
  }
}
