package org.madoguchi.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.admin.ModelDeployments.DefinitionVersion;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.CaseFixtures;
import org.madoguchi.testsupport.Journey;
import org.madoguchi.testsupport.Journey.CaseRun;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.testsupport.ProcessDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator's acceptance test in Chromium: signed in as admin@madoguchi.example, they upload a
 * changed research-support.bpmn with one broken element and see the problem with its element id, upload
 * the fixed file, read the diff, dry-run it and deploy it with a tag; the models page lists version N+1
 * and the running instances per version; they migrate a running case to the new version, roll the
 * deployment back and migrate the case back; a changed fee table is previewed on a closed case. Screenshots: target/screenshots/admin-*.png.
 */
@MadoguchiIT
class AdminBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String ADMIN = "admin@madoguchi.example";
  private static final String PASSWORD = "admin password 1";
  private static final String PROCESS = "research-support";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired ModelDeployments deployments;

  @Test
  void anAdministratorValidatesDeploysMigratesAndRollsBackAChangedProcess() throws IOException {
    Account admin = accounts.ensure(ADMIN, PASSWORD, "Admin Person", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(admin.id(), Set.of(StaffGroup.ADMINS));
    ProcessDriver engine = ProcessDriver.onEmbeddedEngine();
    Journey journey = new Journey(engine, jdbc);
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    CaseRun run = journey.submit(applicant, applicant.validRequest());
    engine.awaitUserTask(run.instance(), "Consultation");
    String closedCase = closedAcademicCaseWithAReagent();

    DefinitionVersion current = newest();
    int n = current.definition().version();
    String deployed = new String(deployments.contentOf(current.definition().definitionKey()).orElseThrow().content(), StandardCharsets.UTF_8);
    String changed = deployed.replace("name=\"Consultation at the desk\"", "name=\"Consultation with the desk\"");
    String broken = changed.replace("type=\"case.register\"", "type=\"case.registr\"");
    String tag = "browser-" + System.nanoTime();

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), ADMIN, PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-admin").click();
      page.waitForURL("**/admin/models");
      Locator currentRow = page.locator("#version-" + PROCESS + "-" + n);
      assertThat(currentRow.locator(".running a")).not().hasText("0");
      PortalBrowser.shot(page, "admin-models");

      // One broken element: the problem names the file and the element.
      upload(page, broken);
      Locator problem = page.locator("#problems tr.problem").filter(new Locator.FilterOptions().setHasText("RegisterCase"));
      assertThat(problem).hasCount(1);
      assertThat(problem.locator(".element")).hasText("RegisterCase");
      assertThat(problem).containsText("research-support.bpmn");
      assertThat(page.locator("#deploy-form")).hasCount(0);
      PortalBrowser.shot(page, "admin-problem");

      // Fixed: it validates, the diff shows the rename, the dry run shows each journey.
      page.locator("#back-to-models").click();
      upload(page, changed);
      assertThat(page.locator("#validation-ok")).isVisible();
      assertThat(page.locator("#diff tr.change[data-aspect=RENAMED]")).containsText("Consultation with the desk");
      page.locator("#dry-run-submit").click();
      assertThat(page.locator("#journeys tr.journey").first()).isVisible();
      PortalBrowser.shot(page, "admin-dry-run");

      page.locator("#versionTag").fill(tag);
      page.locator("#comment").fill("The desk's task reads better.");
      page.locator("#deploy-submit").click();
      page.waitForURL("**/admin/models/deployments/*");
      assertThat(page.locator("#deployment-status")).hasText("Deployed");
      assertThat(page.locator("#deployment-tag")).hasText(tag);
      page.locator("#back-to-models").click();
      Locator next = page.locator("#version-" + PROCESS + "-" + (n + 1));
      assertThat(next.locator(".tag")).hasText(tag);
      assertThat(next).containsText(ADMIN);
      assertThat(next).containsText("The desk's task reads better.");
      assertThat(next.locator(".running a")).hasText("0");
      assertThat(page.locator("#version-" + PROCESS + "-" + n)).isVisible();
      PortalBrowser.shot(page, "admin-deployed");

      // The running case moves to version N+1.
      page.locator("#version-" + PROCESS + "-" + n + " .running a").click();
      assertThat(page.locator("#target")).hasValue(Long.toString(newest().definition().definitionKey()));
      assertThat(page.locator("#unmapped")).hasCount(0);
      page.locator("#instance-" + run.instance()).check();
      PortalBrowser.shot(page, "admin-instances");
      page.locator("#migrate-submit").click();
      assertThat(page.locator("#outcomes tr.outcome.migrated")).hasCount(1);
      PortalBrowser.shot(page, "admin-migrated");
      page.locator("#to-target").click();
      assertThat(page.locator("#instance-" + run.instance())).hasCount(1);

      // Roll back: the previous content is deployed as N+2, and the case moves back to it.
      page.navigate(url("/admin/models"));
      page.locator("#version-" + PROCESS + "-" + (n + 1) + " td a").first().click();
      page.locator("#rollback-submit").click();
      page.waitForURL("**/admin/models/deployments/*");
      assertThat(page.locator("#deployment-kind")).containsText("Rollback");
      page.locator("#migrate-back-" + PROCESS).click();
      page.locator("#instance-" + run.instance()).check();
      page.locator("#migrate-submit").click();
      assertThat(page.locator("#outcomes tr.outcome.migrated")).hasCount(1);
      page.navigate(url("/admin/models"));
      assertThat(page.locator("#version-" + PROCESS + "-" + (n + 2) + " .running a")).not().hasText("0");
      assertThat(page.locator("#version-" + PROCESS + "-" + (n + 2))).containsText("Rollback");
      PortalBrowser.shot(page, "admin-rolled-back");

      // A fee table change, previewed on the closed cases before anything is deployed.
      page.navigate(url("/admin/models"));
      upload(page, "fee-schedule.dmn", feeSchedule("2.0"));
      page.locator("#fee-preview-submit").click();
      assertThat(page.locator("#refusals")).containsText("chargeRate must be between 0 and 1");
      page.navigate(url("/admin/models"));
      upload(page, "fee-schedule.dmn", feeSchedule("0.5"));
      page.locator("#cases").fill("20");
      page.locator("#fee-preview-submit").click();
      Locator previewed = page.locator("#fee-cases tr.fee-case").filter(new Locator.FilterOptions().setHasText(closedCase));
      assertThat(previewed).containsText("55,822");
      assertThat(previewed).containsText("44,823");
      assertThat(previewed).containsText("Detergent LMNG");
      PortalBrowser.shot(page, "admin-fee-preview");

      page.navigate(url("/admin/models"));
      page.locator("#lang-ja").click();
      assertThat(page.locator("h1")).hasText("デプロイ済みのモデル");
      PortalBrowser.shot(page, "admin-models-ja");
    }
    assertThat(newest().definition().version()).isEqualTo(n + 2);
    journey.deskDeclines(run, "Out of scope for the platform.");
    engine.awaitInstanceEnded(run.instance());
  }

  private void upload(Page page, String bpmn) {
    upload(page, "research-support.bpmn", bpmn);
  }

  private void upload(Page page, String name, String content) {
    page.locator("#files").setInputFiles(new FilePayload(name, "application/octet-stream", content.getBytes(StandardCharsets.UTF_8)));
    page.locator("#upload-submit").click();
    page.waitForURL("**/admin/models/uploads/*");
  }

  /** bpmn/fee-schedule.dmn with the academic reagent rule's charge rate (1.0, at cost) set to {@code rate}. */
  private static String feeSchedule(String rate) throws IOException {
    String table = Files.readString(Path.of("bpmn/fee-schedule.dmn"));
    String reagentsAtCost = "<outputEntry id=\"Rule_ReagentsAtCost_Out1\">\n          <text>1.0</text>";
    assertThat(table).contains(reagentsAtCost);
    return table.replace(reagentsAtCost, reagentsAtCost.replace("1.0", rate));
  }

  /**
   * A closed academic case whose usage has a reagent: 2.5 h of cryo-EM upkeep (75 % share), reagents 2 x
   * 9,999 at cost, consumables free; 40,749 + 10 % tax = 44,823 yen at half the reagent cost, 55,822 at cost.
   */
  private String closedAcademicCaseWithAReagent() {
    String email = "admin-preview-" + System.nanoTime() + "@lab.example.ac.jp";
    accounts.ensure(email, "admin-preview-password", "Preview Applicant", "en", Set.of(Role.APPLICANT));
    CaseFixtures fixtures = new CaseFixtures(jdbc);
    long caseId = fixtures.file(email, "CLOSED", "academic", "open");
    long record = fixtures.usageRecord(caseId, fixtures.cryoEmInstrument());
    fixtures.usageItem(record, 1, "instrument-upkeep", "Krios G4", "2.5", 41_000);
    fixtures.usageItem(record, 2, "reagent", "Detergent LMNG", "2", 9_999);
    fixtures.usageItem(record, 3, "consumable", "Quantifoil grids", "3", 1_234);
    return fixtures.caseNumberOf(caseId);
  }

  private DefinitionVersion newest() {
    return deployments.versions().stream()
        .filter(v -> v.definition().definitionId().equals(PROCESS))
        .max((a, b) -> Integer.compare(a.definition().version(), b.definition().version()))
        .orElseThrow();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
