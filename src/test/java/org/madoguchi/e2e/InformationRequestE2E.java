package org.madoguchi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The desk asks for more information in Tasklist, the applicant answers in the portal, and the
 * consultation task comes back to Tasklist with the answer on its form.
 */
class InformationRequestE2E {

  static final String APPLICANT = "aoi.tanaka@u-tokyo.example.ac.jp";

  @RegisterExtension static final Browsers browsers = new Browsers();

  private final Stack.CamundaApi camunda = new Stack.CamundaApi().login();
  private final Stack.ApplicantApi api = new Stack.ApplicantApi(APPLICANT, Stack.DEMO_PASSWORD);

  @Test
  void theDeskAsksTheApplicantAnswersAndTheConsultationComesBackWithTheAnswer() {
    String title = "E2E question " + UUID.randomUUID().toString().substring(0, 8);
    Portal portal = new Portal(browsers.person("applicant", "ja-JP")).signIn(APPLICANT);
    String caseNumber = portal.submitRequest(title, "大学・学術機関", "イメージング");

    Tasklist desk = new Tasklist(browsers.person("desk", "en-US"), camunda).signIn();
    String first = desk.open(caseNumber, "Consultation");
    assertThat(desk.form()).containsText(caseNumber);
    desk.assignToMe();
    desk.choose("Field_consultationOutcome", "Ask the applicant for more information");
    desk.fill("Field_infoRequest", "How many samples, and at which concentration?");
    browsers.shot(desk.page(), "01-tasklist-ask-for-information");
    desk.complete(first);

    // The applicant answers in the portal.
    await(caseNumber + " awaiting information").atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(1))
        .until(() -> api.status(caseNumber), "AWAITING_INFORMATION"::equals);
    Page applicant = portal.page();
    applicant.navigate(Stack.MADOGUCHI + "/portal/requests/" + caseNumber + "/reply");
    applicant.locator("#submit-reply").waitFor();
    assertThat(applicant.locator("#form")).containsText("How many samples, and at which concentration?");
    portal.fill("Field_reply", "三検体、各 5 mg/ml で 200 µl ずつご用意できます。");
    browsers.shot(applicant, "02-portal-reply");
    applicant.locator("#submit-reply").click();
    applicant.waitForURL("**/portal/requests/" + caseNumber);
    assertThat(applicant.locator("#action-done")).isVisible();

    // The consultation is back in Tasklist, a new task with the applicant's answer on its form.
    String second = desk.open(caseNumber, "Consultation");
    assertThat(second).isNotEqualTo(first);
    assertThat(desk.form()).containsText("Applicant's latest reply");
    assertThat(desk.form()).containsText("三検体、各 5 mg/ml で 200 µl ずつご用意できます。");
    browsers.shot(desk.page(), "03-tasklist-consultation-with-reply");

    // The desk can decide on it now: here it declines, and the case ends declined.
    desk.assignToMe();
    desk.choose("Field_consultationOutcome", "Decline");
    desk.fill("Field_declineReason", "The samples are outside what the unit can image this year.");
    desk.complete(second);
    await(caseNumber + " declined").atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(1))
        .until(() -> api.status(caseNumber), "DECLINED"::equals);
    assertThat(api.timelineActions(caseNumber)).containsSubsequence("submitted", "information-requested", "information-provided", "declined");
  }
}
