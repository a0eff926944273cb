package org.madoguchi.admin.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.madoguchi.admin.validation.OwnModels.changed;
import static org.madoguchi.admin.validation.OwnModels.problemsOf;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.madoguchi.admin.EngineVersion;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.admin.ModelProblem;

/**
 * Madoguchi's contract, each check by a variant of its own models with one defect: the problem names the
 * file, the element and the code.
 */
class ContractChecksTest {

  @ParameterizedTest
  @EnumSource(EngineVersion.class)
  void madoguchisOwnModelsHaveNoProblem(EngineVersion target) {
    assertThat(OwnModels.CHECKS.validate(OwnModels.all(), List.of(), target, Locale.ENGLISH).problems()).isEmpty();
  }

  @Test
  void aJobTypeWithoutWorkerIsRefusedAtItsElement() {
    assertProblem(changed("research-support.bpmn", "type=\"fees.prepare\"", "type=\"fees.prepare-all\""),
        "research-support.bpmn", "PrepareFeeItems", "job-type-no-worker");
  }

  @Test
  void anExecutionListenerWithoutWorkerIsRefused() {
    assertProblem(changed("unit-support.bpmn", "type=\"task.open\"", "type=\"task.opened\""),
        "unit-support.bpmn", "AcceptAssignment", "job-type-no-worker");
  }

  @Test
  void aJobTypeExpressionCannotBeChecked() {
    assertProblem(changed("data-deposit.bpmn", "type=\"deposit.remind\"", "type=\"=jobType\""),
        "data-deposit.bpmn", "RemindDeposit", "job-type-expression");
  }

  @Test
  void anUnknownFormIsRefused() {
    assertProblem(changed("research-support.bpmn", "formId=\"finance-review\"", "formId=\"finance-approval\""),
        "research-support.bpmn", "FinanceReview", "form-unknown");
  }

  @Test
  void aUserTaskWithoutFormIsRefused() {
    assertProblem(changed("research-support.bpmn", "<zeebe:formDefinition formId=\"finance-review\" />", ""),
        "research-support.bpmn", "FinanceReview", "user-task-no-form");
  }

  @Test
  void aJobWorkerUserTaskIsRefused() {
    assertProblem(changed("unit-support.bpmn", "<zeebe:userTask />", ""),
        "unit-support.bpmn", "AcceptAssignment", "user-task-not-camunda");
  }

  @Test
  void anUnknownCandidateGroupIsRefused() {
    assertProblem(changed("research-support.bpmn", "source=\"=&#34;finance&#34;\"", "source=\"=&#34;accounting&#34;\""),
        "research-support.bpmn", "FinanceReview", "candidate-group-unknown");
  }

  @Test
  void aGroupOfAUnitThatDoesNotExistIsRefused() {
    assertProblem(changed("research-support.bpmn", "source=\"=&#34;finance&#34;\"", "source=\"=&#34;unit-astronomy&#34;\""),
        "research-support.bpmn", "FinanceReview", "candidate-group-unknown");
  }

  @Test
  void aUnitGroupExpressionIsAcceptedAndAnyOtherExpressionIsNot() {
    assertThat(problemsOf(changed("unit-support.bpmn", "candidateGroups=\"=[taskGroup]\"", "candidateGroups=\"=&#34;operators-&#34; + unitCode\"")))
        .isEmpty();
    assertProblem(changed("unit-support.bpmn", "source=\"=&#34;unit-&#34; + unitCode\"", "source=\"=lower case(unitCode)\""),
        "unit-support.bpmn", "AcceptAssignment", "candidate-group-unresolved");
  }

  @Test
  void aUserTaskWithoutCandidateGroupIsRefused() {
    assertProblem(changed("research-support.bpmn", "<zeebe:assignmentDefinition candidateGroups=\"=[taskGroup]\" />", ""),
        "research-support.bpmn", "Consultation", "candidate-group-missing");
  }

  @Test
  void aMessageNobodyPublishesIsRefusedAtTheWaitingElement() {
    assertProblem(changed("research-support.bpmn", "name=\"statement-response\"", "name=\"statement-answer\""),
        "research-support.bpmn", "AwaitStatementResponse", "message-unknown");
  }

  @Test
  void aPublishedMessageNoLongerAwaitedIsRefused() {
    List<ModelProblem> problems = problemsOf(changed("data-deposit.bpmn", "name=\"dataset-deposited\"", "name=\"dataset-uploaded\""));
    assertThat(problems).extracting(ModelProblem::file, ModelProblem::elementId, ModelProblem::code)
        .contains(tuple("data-deposit.bpmn", "AwaitDeposit", "message-unknown"),
            tuple("data-deposit.bpmn", "data-deposit", "message-not-awaited"));
  }

  @Test
  void aChangedCorrelationKeyIsRefused() {
    assertProblem(changed("data-deposit.bpmn", "correlationKey=\"=string(datasetId)\"", "correlationKey=\"=caseNumber\""),
        "data-deposit.bpmn", "AwaitDeposit", "message-key-changed");
  }

  @Test
  void aWorkerVariableNoLongerProvidedIsRefusedAtTheWorkersElement() {
    // statementId comes from fees.assess; a model that maps it away starves fees.send-statement and fees.issue-invoice.
    assertProblem(changed("research-support.bpmn", "type=\"fees.assess\"", "type=\"fees.notify-no-charge\""),
        "research-support.bpmn", "SendStatement", "variable-not-provided");
  }

  @Test
  void aFormFieldAWorkerReadsRemovedIsRefused() {
    // financeNote, read by fees.send-statement, is set only by the finance-review form.
    ModelFile form = changed("finance-review.form", "\"key\": \"financeNote\"", "\"key\": \"financeComment\"");
    assertProblem(form, "research-support.bpmn", "SendStatement", "variable-not-provided");
  }

  @Test
  void aFormWhoseIdIsNotItsFileNameIsRefused() {
    assertProblem(changed("reschedule.form", "\"id\": \"reschedule\"", "\"id\": \"reschedule-v2\""),
        "reschedule.form", null, "form-id-mismatch");
  }

  @Test
  void anApplicantFormNeedsBothTranslationsCoveringItsTexts() {
    ModelFile form = changed("info-reply.form", "\"key\": \"reply\"", "\"key\": \"answer\"");
    List<ModelProblem> problems = problemsOf(form);
    assertThat(problems).extracting(ModelProblem::file, ModelProblem::elementId, ModelProblem::code)
        .contains(tuple("info-reply.ja.json", "answer", "translation-incomplete"),
            tuple("info-reply.en.json", "reply", "translation-entry-unknown"));
  }

  @Test
  void aStaffFormNeedsNoTranslationButATranslationNeedsItsForm() {
    assertThat(problemsOf(OwnModels.file("reschedule.form"))).isEmpty();
    assertProblem(OwnModels.text("rescheduling.en.json", "{}"), "rescheduling.en.json", null, "translation-orphan");
  }

  @Test
  void aCalledProcessOrDecisionThatIsNotThereIsRefused() {
    assertProblem(changed("research-support.bpmn", "processId=\"data-deposit\"", "processId=\"data-archive\""),
        "research-support.bpmn", "DataDeposit", "process-unknown");
    assertProblem(changed("research-support.bpmn", "decisionId=\"fee-schedule\"", "decisionId=\"fee-table\""),
        "research-support.bpmn", "ApplyFeeSchedule", "decision-unknown");
  }

  @Test
  void problemsAreWordedInTheReadersLanguage() {
    ModelFile broken = changed("research-support.bpmn", "type=\"fees.prepare\"", "type=\"fees.prepare-all\"");
    ModelProblem ja = OwnModels.CHECKS.validate(List.of(broken), OwnModels.all(), EngineVersion.CAMUNDA_8_6, Locale.JAPANESE)
        .problems().getFirst();
    assertThat(ja.message()).contains("fees.prepare-all").contains("ワーカー");
  }

  static void assertProblem(ModelFile upload, String file, String elementId, String code) {
    List<ModelProblem> problems = problemsOf(upload);
    assertThat(problems).as("problems of %s", upload.name())
        .extracting(ModelProblem::file, ModelProblem::elementId, ModelProblem::code)
        .contains(tuple(file, elementId, code));
  }
}
