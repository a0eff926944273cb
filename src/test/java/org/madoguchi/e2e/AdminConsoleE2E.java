package org.madoguchi.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin console on the real stack (Zeebe 8.6 broker, Operate, Tasklist): with two cases running
 * (one in the consultation, one waiting for the applicant's answer), the administrator sees
 * research-support's version and its running instances counted by Operate, has a variant with a task
 * listener (an 8.8 feature) refused with the element's id, deploys a renamed task with a tag and a
 * comment as version N+1, migrates both cases to it on the broker, rolls the deployment back (N+2) and
 * migrates them back; then the desk declines the first case in Tasklist and the applicant's answer
 * reaches the second, so the twice-migrated instances still run. Last, a form and a decision are
 * deployed with a version tag.
 */
class AdminConsoleE2E {

  static final String APPLICANT = "aoi.tanaka@u-tokyo.example.ac.jp";
  static final String ADMIN = "admin@madoguchi.example";
  static final String PROCESS = "research-support";
  static final String FORM = "info-reply";
  static final String DECISION = "unit-suggestion";
  /** The model the stack deployed when it started: the repository's file. */
  static final Path DEPLOYED = Path.of("bpmn", PROCESS + ".bpmn");

  @RegisterExtension static final Browsers browsers = new Browsers();

  private final Stack.CamundaApi camunda = new Stack.CamundaApi().login();
  private final Stack.ApplicantApi api = new Stack.ApplicantApi(APPLICANT, Stack.DEMO_PASSWORD);

  @Test
  void anAdministratorDeploysMigratesAndRollsBackOnTheRealBroker() throws IOException {
    String title = "E2E admin " + UUID.randomUUID().toString().substring(0, 8);
    Portal portal = new Portal(browsers.person("applicant", "ja-JP")).signIn(APPLICANT);
    String caseNumber = portal.submitRequest(title, "大学・学術機関", "イメージング");
    await(caseNumber + "'s consultation in Tasklist").atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(1))
        .until(() -> !camunda.openTasks(caseNumber, "Consultation").isEmpty());
    // Tasklist and Operate import on their own: Operate may not know the instance yet.
    long instance = await(caseNumber + " in Operate").atMost(Stack.PATIENCE).ignoreExceptions()
        .until(() -> camunda.caseInstanceKey(caseNumber), key -> key > 0);
    // A second case waits for the applicant's answer: a receive task with two timer boundary events.
    String asked = portal.submitRequest(title + " asked", "大学・学術機関", "イメージング");
    Tasklist desk = new Tasklist(browsers.person("desk", "en-US"), camunda).signIn();
    String question = desk.open(asked, "Consultation");
    desk.assignToMe();
    desk.choose("Field_consultationOutcome", "Ask the applicant for more information");
    desk.fill("Field_infoRequest", "Which cell line will you bring?");
    desk.complete(question);
    await(asked + " awaiting information").atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(1))
        .until(() -> api.status(asked), "AWAITING_INFORMATION"::equals);
    long waiting = await(asked + " in Operate").atMost(Stack.PATIENCE).ignoreExceptions()
        .until(() -> camunda.caseInstanceKey(asked), key -> key > 0);

    String deployed = Files.readString(DEPLOYED);
    String changed = deployed.replace("name=\"Consultation at the desk\"", "name=\"Consultation with the desk\"");
    assertThat(changed).isNotEqualTo(deployed);
    String withListener = changed.replaceFirst("<zeebe:userTask />",
        "<zeebe:userTask /><zeebe:taskListeners><zeebe:taskListener eventType=\"completing\" type=\"task.check\" /></zeebe:taskListeners>");
    String tag = "e2e-" + System.currentTimeMillis();

    Page page = browsers.person("admin", "en-GB");
    signIn(page);
    page.navigate(Stack.MADOGUCHI + "/admin/models");
    int n = newestVersion(page, PROCESS);
    // Operate counts the case's instance a few seconds after the broker has it.
    awaitCounted(page, n);
    browsers.shot(page, "01-models-running-from-operate");

    // A task listener runs on 8.8 only: refused for this 8.6 broker, with the element's id.
    upload(page, withListener);
    Locator problem = page.locator("#problems tr.problem[data-code=engine-feature]");
    assertThat(problem).hasCount(1);
    assertThat(problem.locator(".element")).hasText("Consultation");
    assertThat(problem).containsText("needs Camunda 8.8 or newer; the target engine is 8.6");
    assertThat(page.locator("#deploy-form")).hasCount(0);
    browsers.shot(page, "02-task-listener-refused-for-8.6");

    // The renamed task validates and goes to the broker with a tag and a comment.
    page.locator("#back-to-models").click();
    upload(page, changed);
    assertThat(page.locator("#validation-ok")).isVisible();
    assertThat(page.locator("#diff tr.change[data-aspect=RENAMED]")).containsText("Consultation with the desk");
    page.locator("#versionTag").fill(tag);
    page.locator("#comment").fill("The desk's task reads better.");
    browsers.shot(page, "03-upload-valid");
    page.locator("#deploy-submit").click();
    page.waitForURL("**/admin/models/deployments/*");
    assertThat(page.locator("#deployment-status")).hasText("Deployed");
    assertThat(page.locator("#deployment-tag")).hasText(tag);
    browsers.shot(page, "04-deployed");
    page.locator("#back-to-models").click();
    Locator next = version(page, n + 1);
    assertThat(next.locator(".tag")).hasText(tag);
    assertThat(next).containsText(ADMIN);
    assertThat(next).containsText("The desk's task reads better.");
    browsers.shot(page, "05-models-version-n-plus-1");

    // Both running cases move to N+1 on the broker; Operate then counts them there.
    awaitListed(page, n, instance, waiting);
    version(page, n).locator(".running a").click();
    assertThat(page.locator("#unmapped")).hasCount(0);
    migrate(page, instance, waiting);
    browsers.shot(page, "06-migrated-to-n-plus-1");
    awaitListed(page, n + 1, instance, waiting);
    browsers.shot(page, "07-models-running-under-n-plus-1");

    // Rolled back: the previous content is version N+2, and the cases move to it.
    next.locator("td a").first().click();
    page.locator("#rollback-submit").click();
    page.waitForURL("**/admin/models/deployments/*");
    assertThat(page.locator("#deployment-kind")).containsText("Rollback");
    assertThat(page.locator("#deployment-status")).hasText("Deployed");
    browsers.shot(page, "08-rolled-back");
    page.locator("#migrate-back-" + PROCESS).click();
    migrate(page, instance, waiting);
    awaitListed(page, n + 2, instance, waiting);
    assertThat(version(page, n + 2)).containsText("Rollback");
    browsers.shot(page, "09-models-running-under-n-plus-2");

    // The twice-migrated instances go on: the desk declines the first case in Tasklist; the applicant's
    // answer reaches the second one's receive task, and its consultation comes back.
    String consultation = desk.open(caseNumber, "Consultation");
    desk.assignToMe();
    desk.choose("Field_consultationOutcome", "Decline");
    desk.fill("Field_declineReason", "Declined after the model was migrated and rolled back.");
    browsers.shot(desk.page(), "10-tasklist-consultation-after-migrations");
    desk.complete(consultation);
    await(caseNumber + " declined").atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(1))
        .until(() -> api.status(caseNumber), "DECLINED"::equals);
    Page applicant = portal.page();
    applicant.navigate(Stack.MADOGUCHI + "/portal/requests/" + asked + "/reply");
    applicant.locator("#submit-reply").waitFor();
    portal.fill("Field_reply", "HeLa, three dishes.");
    applicant.locator("#submit-reply").click();
    applicant.waitForURL("**/portal/requests/" + asked);
    assertThat(desk.open(asked, "Consultation")).isNotEqualTo(question);
    assertThat(desk.form()).containsText("HeLa, three dishes.");

    // A form and a decision get the version tag too, which the 8.6 broker takes.
    page.navigate(Stack.MADOGUCHI + "/admin/models");
    int form = newestVersion(page, FORM);
    int decision = newestVersion(page, DECISION);
    String formTag = "e2e-form-" + System.currentTimeMillis();
    upload(page,
        new FilePayload(FORM + ".form", "application/json", Files.readString(Path.of("forms", FORM + ".form"))
            .replaceFirst("\\{", "{\"exporter\": {\"name\": \"Madoguchi e2e\", \"version\": \"1\"},").getBytes(StandardCharsets.UTF_8)),
        new FilePayload(DECISION + ".dmn", "application/octet-stream", Files.readString(Path.of("bpmn", DECISION + ".dmn"))
            .replace("Cryo-EM → structure unit", "Cryo-EM → the structure unit").getBytes(StandardCharsets.UTF_8)));
    assertThat(page.locator("#validation-ok")).isVisible();
    page.locator("#versionTag").fill(formTag);
    page.locator("#comment").fill("A form and a decision with a version tag.");
    page.locator("#deploy-submit").click();
    page.waitForURL("**/admin/models/deployments/*");
    assertThat(page.locator("#deployment-status")).hasText("Deployed");
    page.locator("#back-to-models").click();
    assertThat(page.locator("#version-" + FORM + "-" + (form + 1) + " .tag")).hasText(formTag);
    assertThat(page.locator("#version-" + DECISION + "-" + (decision + 1) + " .tag")).hasText(formTag);
    browsers.shot(page, "11-form-and-decision-tagged");
  }

  private static void signIn(Page page) {
    page.navigate(Stack.MADOGUCHI + "/login");
    page.locator("#email").fill(ADMIN);
    page.locator("#password").fill(Stack.DEMO_PASSWORD);
    page.locator("#sign-in").click();
    page.waitForURL("**/console");
  }

  private static Locator version(Page page, int version) {
    return page.locator("#version-" + PROCESS + "-" + version);
  }

  /** The highest version of a process, decision or form the models page lists. */
  private static int newestVersion(Page page, String definitionId) {
    return page.locator("#definition-" + definitionId + " tr[id^=version-] td.version").allTextContents().stream()
        .mapToInt(text -> Integer.parseInt(text.strip())).max()
        .orElseThrow(() -> new AssertionError("the models page lists no version of " + definitionId));
  }

  /** Reloads the models page until Operate counts a running instance under {@code version}. */
  private static void awaitCounted(Page page, int version) {
    await("a running instance counted under version " + version).atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(2))
        .until(() -> {
          page.navigate(Stack.MADOGUCHI + "/admin/models");
          assertThat(page.locator("#instances-unavailable")).hasCount(0);
          return !version(page, version).locator(".running a").textContent().strip().equals("0");
        });
  }

  /**
   * Reloads the version's instances page (from the models page's count) until Operate lists {@code instance}
   * under it; then the models page counts it there.
   */
  private static void awaitListed(Page page, int version, long... instances) {
    await("instances " + Arrays.toString(instances) + " listed under version " + version).atMost(Stack.PATIENCE).pollInterval(Duration.ofSeconds(2))
        .until(() -> {
          page.navigate(Stack.MADOGUCHI + "/admin/models");
          version(page, version).locator(".running a").click();
          page.locator("#running-count").waitFor();
          assertThat(page.locator("#instances-unavailable")).hasCount(0);
          return Arrays.stream(instances).allMatch(instance -> page.locator("#instance-" + instance).count() == 1);
        });
    page.navigate(Stack.MADOGUCHI + "/admin/models");
    assertThat(version(page, version).locator(".running a")).not().hasText("0");
  }

  /** On a version's instances page: migrates the instances to the target the page proposes. */
  private static void migrate(Page page, long... instances) {
    for (long instance : instances) {
      page.locator("#instance-" + instance).check();
    }
    page.locator("#migrate-submit").click();
    assertThat(page.locator("#outcomes tr.outcome.migrated")).hasCount(instances.length);
  }

  private static void upload(Page page, String bpmn) {
    upload(page, new FilePayload(PROCESS + ".bpmn", "application/octet-stream", bpmn.getBytes(StandardCharsets.UTF_8)));
  }

  private static void upload(Page page, FilePayload... files) {
    page.locator("#files").setInputFiles(files);
    page.locator("#upload-submit").click();
    page.waitForURL("**/admin/models/uploads/*");
  }
}
