package org.madoguchi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole journey through the real web apps of the local stack, in Chromium: the applicant submits a
 * request in the portal; in Tasklist the desk accepts it, the unit accepts the assignment, the operator
 * records the session, finance reviews the fees; the applicant accepts the statement and deposits the
 * dataset in the portal; the data steward verifies the deposit in Tasklist; the case closes. Checked on
 * Tasklist's screens, the case file (applicant API), the mail sink and Operate.
 */
class JourneyE2E {

  /** Tasklist's "Due date" with a date, e.g. "Due date 29 Nov 2026 - 4:12 AM". */
  static final Pattern DUE_DATE = Pattern.compile("Due date\\s*\\d{1,2} \\w{3} \\d{4}");

  static final String APPLICANT = "emma.wright@institute.example.org";

  private static final double PATIENCE_MS = Stack.PATIENCE.toMillis();

  @RegisterExtension static final Browsers browsers = new Browsers();

  private final Stack.CamundaApi camunda = new Stack.CamundaApi().login();
  private final Stack.ApplicantApi api = new Stack.ApplicantApi(APPLICANT, Stack.DEMO_PASSWORD);

  @Test
  void anIndustryImagingRequestGoesFromThePortalThroughTasklistToAClosedCase() {
    String title = "E2E imaging " + UUID.randomUUID().toString().substring(0, 8);

    // The applicant (an industry user: the support has a fee) asks for imaging in the portal.
    Portal portal = new Portal(browsers.person("applicant", "en-US")).signIn(APPLICANT);
    String caseNumber = portal.submitRequest(title, "Industry", "Imaging");
    browsers.shot(portal.page(), "01-portal-case-submitted");

    // The desk coordinator opens the consultation task of that case in Tasklist.
    Tasklist desk = new Tasklist(browsers.person("desk", "en-US"), camunda).signIn();
    String consultation = desk.open(caseNumber, "Consultation");
    assertThat(desk.form()).containsText(caseNumber);
    assertThat(desk.form()).containsText(title);
    assertThat(desk.form()).containsText("Emma Wright");
    assertThat(desk.details()).containsText("Priority");
    // (Tasklist 8.6.0 shows the due date until the task is assigned; afterwards "No due date".)
    assertThat(desk.details()).containsText(DUE_DATE);
    assertThat(desk.details()).containsText("desk");
    browsers.shot(desk.page(), "02-tasklist-consultation");
    // The form's "Open the case file" link leads the desk person to the staff console's case page.
    String caseFileUrl = desk.form().getByText("Open the case file").getAttribute("href");
    assertThat(caseFileUrl).endsWith("/console/cases/" + caseNumber);
    Page console = browsers.person("desk-console", "en-US");
    console.navigate(caseFileUrl);
    console.locator("#email").fill("desk@madoguchi.example");
    console.locator("#password").fill(Stack.DEMO_PASSWORD);
    console.locator("#sign-in").click();
    // (Sign-in returns to the page asked for, with Spring Security's "?continue" marker.)
    console.waitForURL(Pattern.compile(".*/console/cases/" + caseNumber + "(\\?continue)?$"));
    assertThat(console.locator("#case-number")).hasText(caseNumber);
    assertThat(console.locator("#case-title")).hasText(title);
    browsers.shot(console, "02b-console-case-file-from-tasklist");
    desk.assignToMe();
    desk.choose("Field_consultationOutcome", "Accept with a support plan");
    // The planned units come prefilled from the unit suggestion of the requested service.
    assertThat(desk.option("Field_plannedUnits", "imaging")).isChecked();
    desk.fill("Field_supportPlan", "Confocal live-cell imaging, two sessions; the unit proposes the slot.");
    // The lead coordinator is picked from the desk's staff accounts (the local profile's demo desk person).
    desk.select("Field_leadCoordinator", "desk@madoguchi.example");
    browsers.shot(desk.page(), "03-tasklist-consultation-filled");
    desk.complete(consultation);

    // The imaging unit's coordinator accepts the assignment.
    Tasklist unit = new Tasklist(browsers.person("unit", "en-US"), camunda).signIn();
    String assignment = unit.open(caseNumber, "AcceptAssignment");
    assertThat(unit.form()).containsText(caseNumber);
    assertThat(unit.form()).containsText("Confocal live-cell imaging");
    assertThat(unit.details()).containsText("unit-imaging");
    unit.assignToMe();
    unit.choose("Field_unitDecision", "Accept");
    unit.select("Field_leadOperator", "Hana Mori");
    unit.fill("Field_estimatedHours", "3");
    unit.select("Field_instrumentClass", "Confocal microscope");
    browsers.shot(unit.page(), "04-tasklist-unit-assignment");
    unit.complete(assignment);

    // The same coordinator schedules the session with the one-click option: the earliest free slot.
    String scheduling = unit.open(caseNumber, "ScheduleSession");
    assertThat(unit.form()).containsText(caseNumber);
    assertThat(unit.form()).containsText("Propose slots on the calendar");
    unit.assignToMe();
    unit.choose("Field_sessionScheduling", "Book the earliest free slot");
    browsers.shot(unit.page(), "04b-tasklist-session-scheduling");
    unit.complete(scheduling);

    // The operator records the session on the booked confocal microscope: one reagent, one dataset.
    Tasklist operator = new Tasklist(browsers.person("operator", "en-US"), camunda).signIn();
    String session = operator.open(caseNumber, "InstrumentSession");
    assertThat(operator.form()).containsText(caseNumber);
    assertThat(operator.details()).containsText("operators-imaging");
    operator.assignToMe();
    operator.fill("Field_actualHours", "2.5");
    operator.fill("Field_elnReference", "ELN-E2E-0001");
    operator.addLine("Consumables and reagents");
    operator.select("Field_consumables_kind_0", "試薬 / Reagent");
    operator.fill("Field_consumables_item_0", "Live-cell dye");
    operator.fill("Field_consumables_quantity_0", "2");
    operator.fill("Field_consumables_unitCostYen_0", "12000");
    operator.fill("Field_datasets_title_0", "Confocal time-lapse stacks");
    operator.select("Field_datasets_dataType_0", "画像 / Images");
    operator.fill("Field_datasets_sizeGb_0", "12");
    operator.fill("Field_sessionNotes", "Two fields of view per condition.");
    assertThat(operator.field("Field_consumables_item_0")).hasValue("Live-cell dye");
    browsers.shot(operator.page(), "05-tasklist-instrument-session");
    operator.complete(session);

    // Finance reviews the fee statement (an industry case pays).
    Tasklist finance = new Tasklist(browsers.person("finance", "en-US"), camunda).signIn();
    String review = finance.open(caseNumber, "FinanceReview");
    finance.awaitFormText("Live-cell dye (reagent, confocal)");
    assertThat(finance.form()).containsText(caseNumber);
    // Every fee line with its usage, rate and amount, and the total in yen.
    assertThat(finance.form()).containsText("Live-cell dye (reagent, confocal): 2 × ¥12,000");
    assertThat(finance.form()).containsText(Pattern.compile("Total:\\s*¥[1-9][0-9,]*"));
    finance.assignToMe();
    finance.fill("Field_financeNote", "Reagent at cost; instrument time at the industry rate.");
    finance.tick("Field_financeApproved");
    browsers.shot(finance.page(), "06-tasklist-finance-review");
    finance.complete(review);

    // The applicant enters who pays (an industry case needs a purchase order), accepts the statement and
    // deposits the dataset in the portal.
    awaitStatus(caseNumber, "AWAITING_STATEMENT_RESPONSE");
    portal.page().navigate(Stack.MADOGUCHI + "/portal/requests/" + caseNumber + "#payer");
    portal.page().locator("#payer-form #institutionName").fill("Pharma Example Co., Ltd.");
    portal.page().locator("#payer-form #contactEmail").fill("ap@pharma.example.co.jp");
    portal.page().locator("#payer-form #purchaseOrder").fill("PO-2026-0042");
    portal.page().locator("#save-payer").click();
    assertThat(portal.page().locator("#payer-saved")).isVisible();
    portal.page().navigate(Stack.MADOGUCHI + "/portal/requests/" + caseNumber + "/statement");
    portal.page().locator("#submit-statement").waitFor();
    assertThat(portal.page().locator("#statement-total")).hasText(Pattern.compile("[1-9][0-9,]* yen"));
    portal.choose("Field_decision", "Accept the statement");
    browsers.shot(portal.page(), "07-portal-statement");
    portal.page().locator("#submit-statement").click();
    portal.page().waitForURL("**/portal/requests/" + caseNumber);
    assertThat(portal.page().locator("#action-done")).containsText("accepted the fee statement");

    awaitStatus(caseNumber, "DATA_DEPOSIT");
    Page applicant = portal.page();
    // The deposit link appears once the deposit is open for the dataset.
    com.microsoft.playwright.Locator depositLink = applicant.locator("#todo li[data-kind='deposit'] a");
    org.awaitility.Awaitility.await("deposit open").atMost(Stack.PATIENCE).until(() -> {
      portal.openCase(caseNumber);
      return depositLink.count() > 0;
    });
    assertThat(applicant.locator("#todo li[data-kind='deposit']")).containsText("Confocal time-lapse stacks");
    depositLink.click();
    applicant.waitForURL(Pattern.compile(".*/portal/requests/" + caseNumber + "/datasets/\\d+/deposit$"));
    applicant.locator("#submit-deposit").waitFor();
    assertThat(portal.field("Field_title")).hasValue("Confocal time-lapse stacks");
    portal.fill("Field_description", "Time-lapse z-stacks, 488/561 nm, two fields per condition.");
    portal.select("Field_licence", "CC BY 4.0");
    portal.select("Field_embargo", "Until publication");
    portal.fill("Field_files_path_0", "stacks/field01.tif");
    portal.fill("Field_files_sizeBytes_0", "104857600");
    portal.fill("Field_files_sha256_0", "ab".repeat(32));
    browsers.shot(applicant, "08-portal-deposit");
    applicant.locator("#submit-deposit").click();
    applicant.waitForURL("**/portal/requests/" + caseNumber);
    assertThat(applicant.locator("#action-done")).isVisible();

    // The data steward verifies the deposit in Tasklist.
    Tasklist steward = new Tasklist(browsers.person("steward", "en-US"), camunda).signIn();
    String verification = steward.open(caseNumber, "VerifyDeposit");
    assertThat(steward.form()).containsText(caseNumber);
    // The deposit's metadata and its manifest, for the steward to check.
    assertThat(steward.form()).containsText("Confocal time-lapse stacks (v1)");
    assertThat(steward.form()).containsText("CC-BY-4.0");
    assertThat(steward.form()).containsText("stacks/field01.tif");
    assertThat(steward.details()).containsText("data-stewards");
    steward.assignToMe();
    steward.choose("Field_verification", "Verified");
    browsers.shot(steward.page(), "09-tasklist-deposit-verification");
    steward.complete(verification);

    // The case closes: the case file, the applicant's mails, Operate.
    awaitStatus(caseNumber, "CLOSED");
    assertThat(api.timelineActions(caseNumber)).containsSubsequence(
        "submitted", "registered", "consultation-accepted", "unit-accepted", "booking-reserved", "usage-recorded",
        "fees-assessed", "statement-sent", "statement-accepted", "invoice-issued", "deposit-opened", "dataset-deposited",
        "dataset-verified", "closed");
    portal.openCase(caseNumber);
    browsers.shot(applicant, "10-portal-case-closed");

    List<String> subjects = await("the applicant's mails").atMost(Stack.PATIENCE).until(
        () -> new Stack.MailSink().mailsTo(APPLICANT).stream().map(Stack.MailSink.Mail::subject)
            .filter(subject -> subject.startsWith("[" + caseNumber + "]")).toList(),
        found -> found.size() >= 6);
    assertThat(subjects).contains(
        "[" + caseNumber + "] Your support request has been received",
        "[" + caseNumber + "] Your fee statement (version 1): please review",
        "[" + caseNumber + "] Please deposit your datasets",
        "[" + caseNumber + "] Deposit of \"Confocal time-lapse stacks\" verified",
        "[" + caseNumber + "] Your support case is complete");
    assertThat(subjects).anyMatch(subject -> subject.matches(Pattern.quote("[" + caseNumber + "] Invoice ") + "INV-\\d{4}-\\d{6} issued"));

    // Operate: the unit's and the deposit's instances completed; the case's own instance passed CloseCase
    // and now only waits for the outcome follow-up timer (P180D), without incident.
    long instance = await("the case in Operate").atMost(Stack.PATIENCE).ignoreExceptions()
        .until(() -> camunda.caseInstanceKey(caseNumber), key -> key > 0);
    await("Operate has the case closed").atMost(Stack.PATIENCE).until(
        () -> camunda.flowNodes(instance).stream()
            .anyMatch(node -> "CloseCase".equals(node.get("flowNodeId")) && "COMPLETED".equals(node.get("state"))));
    assertThat(camunda.processInstances(Map.of("key", instance)).getFirst())
        .containsEntry("state", "ACTIVE").containsEntry("incident", false);
    assertThat(camunda.flowNodes(instance).stream().filter(node -> "ACTIVE".equals(node.get("state"))).map(node -> node.get("flowNodeId")))
        .containsExactly("OutcomeFollowUp");
    List<Map<String, Object>> children = await("the called instances completed").atMost(Stack.PATIENCE).until(
        () -> camunda.processInstances(Map.of("parentKey", instance)),
        found -> found.size() == 2 && found.stream().allMatch(child -> "COMPLETED".equals(child.get("state"))));
    assertThat(children).extracting(child -> child.get("bpmnProcessId")).containsExactlyInAnyOrder("unit-support", "data-deposit");

    // Operate's screens, as the administrator sees them: the deposit's instance completed, the case's own
    // instance past "Close case", and no fast-track flag on this ordinary case.
    long deposit = children.stream().filter(child -> "data-deposit".equals(child.get("bpmnProcessId")))
        .map(child -> ((Number) child.get("key")).longValue()).findFirst().orElseThrow();
    Operate operate = new Operate(browsers.person("admin", "en-US")).signIn();
    operate.openInstance(deposit);
    assertThat(operate.header()).containsText("Mandatory data deposit");
    assertThat(operate.stateIcon("COMPLETED")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
    browsers.shot(operate.page(), "11-operate-deposit-completed");
    operate.openInstance(instance);
    assertThat(operate.header()).containsText("Research support request");
    assertThat(operate.stateIcon("ACTIVE")).isVisible();
    assertThat(operate.history()).containsText("Close case", new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENCE_MS));
    assertThat(operate.history()).containsText("180 days later");
    assertThat(operate.variable("fastTrack")).containsText("false", new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENCE_MS));
    browsers.shot(operate.page(), "12-operate-case-instance");
  }

  private void awaitStatus(String caseNumber, String status) {
    org.awaitility.Awaitility.await(caseNumber + " " + status).atMost(Stack.PATIENCE).pollInterval(java.time.Duration.ofSeconds(1))
        .until(() -> api.status(caseNumber), status::equals);
  }
}
