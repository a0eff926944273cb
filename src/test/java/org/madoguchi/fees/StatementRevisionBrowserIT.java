package org.madoguchi.fees;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.fees.invoicing.Payers;
import org.madoguchi.testsupport.ApplicantClient;
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
 * A disputed statement revised in a real browser: finance changes one line with a reason on the console's
 * statement page, completes the finance review, and the applicant sees version 2 with the changed line
 * marked and accepts it; the qualified invoice of version 2 then downloads from the portal as a PDF.
 * Screenshots go to target/screenshots/.
 */
@MadoguchiIT
class StatementRevisionBrowserIT {

  private static final String STAFF_PASSWORD = "finance-browser-password";

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired TestRestTemplate rest;
  @Autowired Payers payers;

  private final ProcessDriver engine = ProcessDriver.onEmbeddedEngine();

  @Test
  void financeRevisesADisputedStatementAndTheApplicantAcceptsVersionTwo() throws IOException {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    Journey journey = new Journey(engine, jdbc);
    CaseRun run = disputedIndustryCase(journey, applicant);
    String reason = "The session log shows 1.5 hours on the microscope.";

    try (BrowserContext context = browser.context("en-US")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), financeOfficer(), STAFF_PASSWORD);
      page.waitForURL("**/console");
      page.navigate(url("/console/cases/" + run.caseNumber()));
      page.locator("#statement-page-link a").click();
      page.waitForURL("**/console/cases/" + run.caseNumber() + "/statement");
      assertThat(page.locator("#current-version")).hasText("Version 1");
      page.locator("input[name='lines[0].quantity']").fill("1.5");
      page.locator("input[name='lines[0].reason']").fill(reason);
      PortalBrowser.shot(page, "60-console-statement-revise-en");
      page.locator("#submit-revision").click();
      assertThat(page.locator("#revised")).isVisible();
      assertThat(page.locator("#current-version")).hasText("Version 2");
      assertThat(page.locator("#version-2 .changes")).containsText(reason);
      PortalBrowser.shot(page, "61-console-statement-version-2-en");
    }
    assertThat(jdbc.queryForObject("select current_version from fee_statements where case_id = ?", Integer.class, run.caseId())).isEqualTo(2);

    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");

    try (BrowserContext context = browser.context("en-US")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicant.email(), "secret-" + applicant.email());
      page.locator("#lang-en").click();
      page.waitForURL("**/portal/requests");
      page.navigate(url("/portal/requests/" + run.caseNumber() + "/statement"));
      page.locator("#submit-statement").waitFor();
      assertThat(page.locator("#statement-version")).containsText("Version 2");
      assertThat(page.locator("#statement-lines tr[data-line='1'] .changed-mark")).isVisible();
      assertThat(page.locator("#statement-lines tr[data-line='2'] .changed-mark")).hasCount(0);
      assertThat(page.locator("#statement-changes")).containsText(reason);
      assertThat(page.locator("#statement-versions a[data-version='1']")).isVisible();
      PortalBrowser.shot(page, "62-portal-statement-version-2-en");

      page.getByLabel("Accept the statement", new Page.GetByLabelOptions().setExact(true)).check();
      page.locator("#submit-statement").click();
      page.waitForURL("**/portal/requests/" + run.caseNumber());
      assertThat(page.locator("#action-done")).containsText("accepted the fee statement");
      Map<String, Object> statement =
          jdbc.queryForMap("select status, current_version from fee_statements where case_id = ?", run.caseId());
      assertThat(statement).containsEntry("status", "ACCEPTED").containsEntry("current_version", 2);
      afterAcceptance(page, run);
    }
  }

  /**
   * What the applicant finds once version 2 is accepted: the qualified invoice on the case page (the payer
   * is billed per case), whose Japanese PDF downloads and states the invoice number, the registration number
   * and the accepted total.
   */
  private void afterAcceptance(Page page, CaseRun run) throws IOException {
    engine.awaitPassed(run.instance(), "IssueInvoice");
    page.navigate(url("/portal/requests/" + run.caseNumber()));
    Locator invoice = page.locator("#billing-documents li[data-document^='INV-']");
    assertThat(invoice).hasCount(1);
    String number = invoice.getAttribute("data-document");
    Map<String, Object> issued = jdbc.queryForMap(
        "select i.total_yen, i.issuer_registration_number, s.statement_version from invoices i"
            + " join invoice_statements s on s.invoice_id = i.id where i.invoice_number = ?",
        number);
    assertThat(issued).containsEntry("statement_version", 2);
    PortalBrowser.shot(page, "63-portal-case-invoice-en");
    Download download = page.waitForDownload(() -> page.locator("#pdf-ja-" + number).click());
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains(number, "適格請求書", (String) issued.get("issuer_registration_number"))
          .contains("%,d".formatted(((Number) issued.get("total_yen")).longValue()));
    }
  }

  /** An industry case whose statement finance sent and the applicant disputed; the finance review is open again. */
  private CaseRun disputedIndustryCase(Journey journey, ApplicantClient applicant) {
    Map<String, Object> request = applicant.validRequest();
    request.put("applicantCategory", "industry");
    request.put("requestedServices", List.of("cryo-em"));
    CaseRun run = journey.submit(applicant, request);
    engine.awaitUserTask(run.instance(), "Consultation");
    journey.deskAccepts(run, "structure");
    journey.unitAccepts(run, "structure", 2, "cryo-em");
    journey.operatorRecordsSession(run, "structure", 2, List.of(Journey.consumable("Quantifoil grids", "consumable", 4, 1_500)), List.of());
    engine.awaitUserTask(run.instance(), "FinanceReview");
    journey.financeApproves(run);
    journey.awaitStatus(run, "AWAITING_STATEMENT_RESPONSE");
    assertThat(journey.applicantAnswersStatement(run, "dispute", "We used the microscope for 1.5 hours, not 2.").getStatusCode()
        .is2xxSuccessful()).isTrue();
    engine.awaitUserTasks(run.instance(), "FinanceReview", 1);
    payers.save(run.caseId(), FeeCases.completePayer(), applicant.email());
    return run;
  }

  private String financeOfficer() {
    String email = "finance-" + UUID.randomUUID() + "@facility.example";
    Account account = accounts.ensure(email, STAFF_PASSWORD, "Fumi Finance", "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.FINANCE));
    return email;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
