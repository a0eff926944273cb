package org.madoguchi.admin.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.madoguchi.admin.DryRuns;
import org.madoguchi.admin.DryRuns.DryRunReport;
import org.madoguchi.admin.DryRuns.JourneyResult;
import org.madoguchi.admin.ModelFile;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dry runs of the models in bpmn/ and forms/ on an engine of their own: the current models take every
 * smoke journey to its end, and an upload that breaks the contract stops each journey at the element
 * that breaks it, saying why.
 */
@MadoguchiIT
class DryRunIT {

  @Autowired DryRuns dryRuns;

  @Test
  void theCurrentModelsCompleteEveryJourney() throws IOException {
    DryRunReport report = dryRuns.run(List.of(), deployedModels(), Locale.ENGLISH);

    assertThat(report.journeys()).extracting(JourneyResult::name)
        .containsExactly("accept-and-complete", "no-charge", "request-information", "decline", "unit-returns-to-desk");
    assertThat(report.journeys()).allSatisfy(journey -> {
      assertThat(journey.problem()).as(journey.name()).isNull();
      assertThat(journey.completed()).as(journey.name()).isTrue();
      assertThat(journey.stoppedAt()).isNull();
    });
    assertThat(report.allCompleted()).isTrue();
    Map<String, JourneyResult> journeys = byName(report);
    assertThat(journeys.get("accept-and-complete").passed())
        .containsSubsequence(
            "RegisterCase", "Consultation", "AcceptAssignment", "ScheduleSession", "ReserveInstrument", "InstrumentSession", "RecordUsage",
            "UnitSupport", "ApplyFeeSchedule", "AssessFees", "FinanceReview", "SendStatement", "AwaitStatementResponse",
            "IssueInvoice", "OpenDeposits", "AwaitDeposit", "VerifyDeposit", "RecordVerification", "DataDeposit",
            "CloseCase", "OutcomeFollowUp", "RequestOutcomeFollowUp", "CaseCompleted")
        .doesNotContain("NotifyNoCharge");
    assertThat(journeys.get("no-charge").passed())
        .containsSubsequence("AssessFees", "NotifyNoCharge", "NoDatasets", "CloseCase", "CaseCompleted")
        .doesNotContain("FinanceReview", "IssueInvoice");
    assertThat(journeys.get("request-information").passed())
        .containsSubsequence("Consultation", "RequestInformation", "AwaitApplicantReply", "Consultation", "UnitSupport", "CaseCompleted");
    assertThat(journeys.get("decline").passed()).containsSubsequence("Consultation", "DeclineCase", "CaseDeclined");
    assertThat(journeys.get("unit-returns-to-desk").passed())
        .containsSubsequence("Consultation", "AcceptAssignment", "RecordAssignment", "ReturnedToDesk", "AnyUnitReturned",
            "Consultation", "DeclineCase", "CaseDeclined");
  }

  @Test
  void anUploadThatBreaksTheContractStopsEachJourneyWhereItBreaks() throws IOException {
    String model = Files.readString(Path.of("bpmn/research-support.bpmn"));
    String broken =
        edit(edit(edit(model,
            // the fee schedule's rules no longer reach fees.assess
            "outputCollection=\"feeRules\"", "outputCollection=\"feeRuleList\""),
            // the applicant's reply is awaited under another name
            "name=\"applicant-info-reply\"", "name=\"applicant-reply\""),
            // a job type no worker handles
            "type=\"case.decline\"", "type=\"case.refuse\"");

    DryRunReport report = dryRunWith("research-support.bpmn", broken, Locale.ENGLISH);

    Map<String, JourneyResult> journeys = byName(report);
    assertThat(report.allCompleted()).isFalse();
    JourneyResult accept = journeys.get("accept-and-complete");
    assertThat(accept.completed()).isFalse();
    assertThat(accept.stoppedAt()).isEqualTo("AssessFees");
    assertThat(accept.problem())
        .isEqualTo("The worker of \"fees.assess\" reads the variable \"feeRules\", which no earlier step provides here:"
            + " restore the mapping, form field or element that set it.");
    assertThat(accept.passed()).contains("ApplyFeeSchedule").doesNotContain("AssessFees");
    assertThat(journeys.get("no-charge").stoppedAt()).isEqualTo("AssessFees");
    JourneyResult information = journeys.get("request-information");
    assertThat(information.stoppedAt()).isEqualTo("AwaitApplicantReply");
    assertThat(information.problem())
        .isEqualTo("This receive task waits for the message \"applicant-reply\", but Madoguchi publishes \"applicant-info-reply\" here:"
            + " restore the message name.");
    JourneyResult decline = journeys.get("decline");
    assertThat(decline.stoppedAt()).isEqualTo("DeclineCase");
    assertThat(decline.problem()).contains("\"case.refuse\"").startsWith("No worker in Madoguchi handles the job type");
    assertThat(journeys.get("unit-returns-to-desk").stoppedAt()).isEqualTo("DeclineCase");
  }

  @Test
  void aJourneyStopsWhereTheEngineWaitsForSomethingMadoguchiNeverDoes() throws IOException {
    String model = Files.readString(Path.of("bpmn/research-support.bpmn"));
    String broken =
        edit(edit(model,
            // the statement's answer is correlated on another variable
            "name=\"statement-response\">\n    <bpmn:extensionElements>\n      <zeebe:subscription correlationKey=\"=caseNumber\" />",
            "name=\"statement-response\">\n    <bpmn:extensionElements>\n      <zeebe:subscription correlationKey=\"=caseTitle\" />"),
            // the follow-up timer under a new id: no journey moves the clock for it
            "\"OutcomeFollowUp\"", "\"FollowUpDue\"");

    DryRunReport report = dryRunWith("research-support.bpmn", broken, Locale.ENGLISH);

    Map<String, JourneyResult> journeys = byName(report);
    JourneyResult accept = journeys.get("accept-and-complete");
    assertThat(accept.stoppedAt()).isEqualTo("AwaitStatementResponse");
    assertThat(accept.problem())
        .isEqualTo("This receive task correlates on \"Cryo-EM of a membrane transporter\", but Madoguchi publishes the message"
            + " with the key caseNumber = DRYRUN-2026-00001: correlate on =caseNumber.");
    JourneyResult noCharge = journeys.get("no-charge");
    assertThat(noCharge.completed()).isFalse();
    assertThat(noCharge.stoppedAt()).isEqualTo("FollowUpDue");
    assertThat(noCharge.problem()).isEqualTo("Nothing happened for 5 seconds while the journey waited here.");
    assertThat(noCharge.passed()).endsWith("CloseCase");
    assertThat(journeys.get("decline").completed()).isTrue();
  }

  @Test
  void aRefusedDeploymentIsTheResultWithTheEnginesReasonInTheReadersLanguage() throws IOException {
    String model = Files.readString(Path.of("bpmn/unit-support.bpmn"));
    String broken = edit(model, "=unitDecision = \"return\"", "=unitDecision = = \"return\"");

    DryRunReport report = dryRunWith("unit-support.bpmn", broken, Locale.JAPANESE);

    assertThat(report.journeys()).singleElement().satisfies(result -> {
      assertThat(result.name()).isEqualTo("deployment");
      assertThat(result.completed()).isFalse();
      assertThat(result.problem()).startsWith("エンジンがデプロイを拒否したため、何も実行していません: ").contains("unit-support.bpmn");
    });
  }

  private DryRunReport dryRunWith(String file, String content, Locale locale) throws IOException {
    return dryRuns.run(List.of(new ModelFile(file, content.getBytes(StandardCharsets.UTF_8))), deployedModels(), locale);
  }

  /** Everything the application deploys: the models in bpmn/ and the forms (with their texts) in forms/. */
  static List<ModelFile> deployedModels() throws IOException {
    List<ModelFile> files = new ArrayList<>();
    for (String folder : List.of("bpmn", "forms")) {
      try (Stream<Path> paths = Files.list(Path.of(folder))) {
        for (Path path : paths.sorted().toList()) {
          files.add(new ModelFile(path.getFileName().toString(), Files.readAllBytes(path)));
        }
      }
    }
    return files;
  }

  private static String edit(String model, String original, String replacement) {
    assertThat(model).contains(original);
    return model.replace(original, replacement);
  }

  private static Map<String, JourneyResult> byName(DryRunReport report) {
    return report.journeys().stream().collect(Collectors.toMap(JourneyResult::name, Function.identity()));
  }
}
