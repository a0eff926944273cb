package org.madoguchi.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.documents.SampleFiles;
import org.madoguchi.tasks.StaffTask;
import org.madoguchi.tasks.StaffTaskOpened;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.testsupport.PortalSession;
import org.madoguchi.units.CaseTeams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff console in Chromium: the desk finds a case by a fragment of its title and reads the whole
 * request and the audit trail; a unit coordinator sees their unit's case and not another unit's; a
 * confidential case shows only to its team member (each view audited); the desk downloads the
 * document an applicant attached and attaches one to the case file. Screenshots of the desk's, a
 * unit's, finance's and a steward's views and of the documents go to target/screenshots/console-*.png.
 */
@MadoguchiIT
class ConsoleBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired CaseFile caseFile;
  @Autowired CaseTeams teams;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEventPublisher events;

  private ConsoleFixtures world;

  @BeforeEach
  void world() {
    world = new ConsoleFixtures(jdbc, accounts, caseFile, teams, tx);
    // A statement with lines on the structure case, so finance's page has something to read.
    jdbc.update(
        "insert into fee_statements (case_id, status, subtotal_yen, tax_rate, tax_yen, total_yen, assessed_at) values (?, 'DRAFT', 1250000, 0.1, 125000, 1375000, ?)",
        world.structureCase, Timestamp.from(Instant.now()));
    long statement = jdbc.queryForObject("select id from fee_statements where case_id = ?", Long.class, world.structureCase);
    jdbc.update(
        "insert into fee_statement_versions (statement_id, version_no, subtotal_yen, tax_yen, total_yen, standard_tax_rate, reduced_tax_rate,"
            + " tax_rounding, created_by, created_at) values (?, 1, 1250000, 125000, 1375000, 0.1, 0.08, 'FLOOR', 'system', ?)",
        statement, Timestamp.from(Instant.now()));
    jdbc.update(
        "insert into fee_lines (statement_id, line_no, usage_item_id, description, instrument_class, item_kind, quantity, unit_cost_yen, charge_rate, rule_name, amount_yen)"
            + " values (?, 1, 1, 'Titan Krios G4 (Osaka)', 'cryo-em', 'instrument-upkeep', 24, 50000, 1, 'industry-full-cost', 1200000),"
            + " (?, 2, 2, 'Quantifoil grids', 'cryo-em', 'consumable', 10, 5000, 1, 'industry-full-cost', 50000)",
        statement, statement);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private Page signedIn(BrowserContext context, String email) {
    Page page = PortalBrowser.page(context);
    PortalBrowser.signIn(page, url(""), email, ConsoleFixtures.PASSWORD);
    page.waitForURL("**/console");
    return page;
  }

  @Test
  void theDeskFindsACaseByTitleAndReadsTheWholeRequestAndTrail() {
    try (BrowserContext context = browser.context("en-GB")) {
      Page page = signedIn(context, world.desk);
      page.locator("#q").fill("efflux pump " + world.marker);
      page.locator("#apply").click();
      page.waitForURL("**/console?q=*");
      assertThat(page.locator("#cases tbody tr")).hasCount(1);
      assertThat(page.url()).contains("q=efflux+pump");
      page.locator("#q").fill(world.marker);
      page.locator("#sort").selectOption("priority");
      page.locator("#apply").click();
      assertThat(page.locator("#cases tbody tr")).hasCount(4);
      PortalBrowser.shot(page, "console-desk-list");

      // The structure case's consultation task is a day late: the overdue filter finds it, the due sort puts it first.
      Instant due = Instant.now().minus(Duration.ofDays(1));
      long element = 8_000_000_000L + System.nanoTime() % 1_000_000_000L;
      jdbc.update(
          "insert into staff_tasks (element_instance_key, process_instance_key, case_id, process_id, element_id, name, candidate_group, due_at, priority, opened_at)"
              + " values (?, 1, ?, 'research-support', 'Consultation', 'Consultation at the desk', 'desk', ?, 50, ?)",
          element, world.structureCase, Timestamp.from(due), Timestamp.from(Instant.now()));
      events.publishEvent(
          new StaffTaskOpened(
              new StaffTask(element, 1, world.structureCase, "research-support", "Consultation", "Consultation at the desk", "desk", due, 50, Instant.now(), null)));
      page.navigate(url("/console?overdue=true&sort=due&q=" + world.marker));
      assertThat(page.locator("#cases tbody tr")).hasCount(1);
      assertThat(page.locator("#cases .badge.late")).hasCount(1);

      page.locator("#cases a").first().click();
      page.waitForURL("**/console/cases/" + world.number(world.structureCase));
      assertThat(page.locator("#case-title")).hasText("Cryo-EM of an efflux pump " + world.marker);
      for (String field : new String[] {
        "caseNumber", "title", "applicantName", "affiliation", "email", "language", "applicantCategory", "summary",
        "aims", "targets", "requestedServices", "desiredPeriod", "confidentiality", "fastTrackReason", "submittedAt"}) {
        assertThat(page.locator("#request-fields [data-field=" + field + "]")).hasCount(1);
      }
      assertThat(page.locator("[data-field=summary]")).hasText("Structure of a pump bound to an inhibitor candidate.");
      assertThat(page.locator("[data-field=aims]")).hasText("A map below 3 Å");
      assertThat(page.locator("#timeline li[data-action=consultation-accepted]")).hasCount(1);
      assertThat(page.locator("#timeline li[data-action=fees-assessed]")).hasCount(1);
      assertThat(page.locator("#fee-total")).hasText("¥1,375,000");
      assertThat(page.locator("#open-tasks tbody tr")).hasCount(1);
      assertThat(page.locator("#open-tasks")).containsText("Consultation at the desk");
      assertThat(page.locator("#open-tasks .badge.late")).hasText("Overdue");

      page.locator("#note-text").fill("Called the applicant about the grids.");
      page.locator("#add-note").click();
      assertThat(page.locator("#note-added")).isVisible();
      assertThat(page.locator("#timeline li[data-action=note-added]")).containsText("Called the applicant about the grids.");
      assertThat(page.locator("#timeline li[data-action=note-added] .actor")).hasText("Desk Person (Service desk)");
      PortalBrowser.shot(page, "console-desk-case");
    }
  }

  @Test
  void theDeskDownloadsTheApplicantsDocumentAndAttachesOneToTheCaseFile() throws Exception {
    String caseNumber = world.number(world.structureCase);
    byte[] plan = SampleFiles.pdf(150_000);
    PortalSession applicant = new PortalSession(port);
    applicant.signIn(world.applicant, ConsoleFixtures.PASSWORD);
    HttpResponse<String> attached =
        applicant.postFile("/portal/requests/" + caseNumber + "/documents?_csrf=" + applicant.csrfToken(), "research-plan.pdf", plan, "en", Map.of());
    assertThat(attached.statusCode()).isEqualTo(302);
    long documentId = jdbc.queryForObject("select id from documents where case_id = ?", Long.class, world.structureCase);

    try (BrowserContext context = browser.context("en-GB")) {
      Page page = signedIn(context, world.desk);
      page.navigate(url("/console/cases/" + caseNumber));
      assertThat(page.locator("#document-list tbody tr")).hasCount(1);
      assertThat(page.locator("#document-list tbody tr").first()).containsText("research-plan.pdf");
      assertThat(page.locator("#document-list tbody tr").first()).containsText("application/pdf");
      assertThat(page.locator("#document-list tbody tr").first()).containsText("Request");
      assertThat(page.locator("#document-list .attached-by").first()).hasText("Applicant " + world.applicant);
      Download download = page.waitForDownload(() -> page.locator("#document-list a").first().click());
      assertThat(download.suggestedFilename()).isEqualTo("research-plan.pdf");
      assertThat(Files.readAllBytes(download.path())).isEqualTo(plan);

      // A page renamed .pdf is refused on the case page, in its language; a real image is attached.
      page.locator("#document-file").setInputFiles(new FilePayload("minutes.pdf", "application/pdf", SampleFiles.html()));
      page.locator("#attach-submit").click();
      assertThat(page.locator("#document-refused")).containsText("This file is not a PDF");
      page.locator("#document-file").setInputFiles(new FilePayload("sample-sheet.png", "image/png", SampleFiles.png()));
      page.locator("#attach-submit").click();
      page.waitForURL("**/console/cases/" + caseNumber + "#attached-documents");
      assertThat(page.locator("#document-attached")).hasText("“sample-sheet.png” has been attached.");
      assertThat(page.locator("#document-list tbody tr")).hasCount(2);
      assertThat(page.locator("#document-list .attached-by").last()).hasText("Desk Person (desk)");
      assertThat(page.locator("#document-list tbody tr").last()).containsText("Case file (staff)");
      assertThat(page.locator("#timeline li[data-action=document-attached] .actor").last()).hasText("Desk Person (Service desk)");
      page.locator("#attached-documents").scrollIntoViewIfNeeded();
      PortalBrowser.shot(page, "console-documents");
    }
    assertThat(jdbc.queryForList("select attached_by from documents where case_id = ? order by id", String.class, world.structureCase))
        .containsExactly("applicant:" + world.applicant, "staff:desk:Desk Person");

    HttpResponse<byte[]> asDesk = deskSession().download("/console/cases/" + caseNumber + "/documents/" + documentId);
    assertThat(asDesk.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"research-plan.pdf\"");
    assertThat(asDesk.body()).isEqualTo(plan);
    PortalSession outOfScope = new PortalSession(port);
    outOfScope.signIn(world.omicsOther, ConsoleFixtures.PASSWORD);
    assertThat(outOfScope.download("/console/cases/" + caseNumber + "/documents/" + documentId).statusCode()).isEqualTo(404);
  }

  private PortalSession deskSession() {
    PortalSession desk = new PortalSession(port);
    desk.signIn(world.desk, ConsoleFixtures.PASSWORD);
    return desk;
  }

  @Test
  void aUnitCoordinatorSeesTheirUnitsCasesAndAConfidentialOneOnlyAsATeamMember() {
    try (BrowserContext context = browser.context("en-GB")) {
      Page page = signedIn(context, world.omicsOther);
      page.navigate(url("/console?q=" + world.marker));
      assertThat(page.locator("#cases tbody tr")).hasCount(1);
      assertThat(page.locator("#cases")).containsText(world.number(world.omicsCase));
      assertThat(page.locator("#cases")).not().containsText(world.number(world.structureCase));
      assertThat(page.locator("#cases")).not().containsText(world.number(world.secretCase));
      page.navigate(url("/console/cases/" + world.number(world.secretCase)));
      assertThat(page.locator("h1")).hasText("Case not found");
      page.navigate(url("/console/cases/" + world.number(world.structureCase)));
      assertThat(page.locator("h1")).hasText("Case not found");
    }
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = signedIn(context, world.omicsMember);
      page.navigate(url("/console?q=" + world.marker));
      assertThat(page.locator("#cases tbody tr")).hasCount(2);
      PortalBrowser.shot(page, "console-unit-list");
      page.locator("#cases a", new Page.LocatorOptions().setHasText(world.number(world.secretCase))).click();
      assertThat(page.locator("#confidential-notice")).isVisible();
      assertThat(page.locator("#timeline li[data-action=case-viewed]")).hasCount(1);
      PortalBrowser.shot(page, "console-unit-case");
    }
    assertThat(jdbc.queryForList("select actor from case_events where case_id = ? and action = 'case-viewed'", String.class, world.secretCase))
        .containsExactly("staff:unit-omics:Omics Member");
  }

  @Test
  void financeAndStewardsSeeTheCasesTheyHaveWorkOn() {
    try (BrowserContext context = browser.context("en-GB")) {
      Page page = signedIn(context, world.finance);
      page.navigate(url("/console?q=" + world.marker));
      assertThat(page.locator("#cases tbody tr")).hasCount(1);
      page.locator("#cases a").first().click();
      assertThat(page.locator("#fee-lines tbody tr")).hasCount(2);
      page.locator("#fees").scrollIntoViewIfNeeded();
      PortalBrowser.shot(page, "console-finance-case");
    }
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = signedIn(context, world.steward);
      page.navigate(url("/console?q=" + world.marker));
      assertThat(page.locator("#cases tbody tr")).hasCount(1);
      assertThat(page.locator("#cases")).containsText(world.number(world.structureCase));
      PortalBrowser.shot(page, "console-steward-list");
    }
  }
}
