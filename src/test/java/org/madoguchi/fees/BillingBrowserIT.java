package org.madoguchi.fees;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.Submissions;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payers and billing in Chromium. The applicant (Japanese) enters the payer on the case page: a bad e-mail
 * and a too-long institution are refused at their fields (400), then saved. Finance (English) runs the month
 * on /console/billing: the applicant's cases of one payer make one invoice, a case without payer is
 * carried; on the invoice page a line edit is refused (409), a credit note without reason is refused (400)
 * and one with a reason is issued. Screenshots: target/screenshots/billing-*.png.
 */
@MadoguchiIT
class BillingBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String STAFF_PASSWORD = "billing password 1";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired TransactionTemplate tx;
  @Autowired StatementResponses responses;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired CaseFile caseFile;
  @Autowired Payers payers;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @Autowired MadoguchiProperties madoguchi;

  FeeCases cases;

  @BeforeEach
  void fixture() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
  }

  @Test
  void theApplicantEntersThePayerAndFinanceRunsTheMonthAndCreditsALine() {
    FeeCases.Applicant applicant = cases.applicant("ja");
    FeeCases.IssuedStatement first = cases.issuedStatement(applicant, 9_300L);
    FeeCases.IssuedStatement second = cases.issuedStatement(applicant, 9_301L);
    FeeCases.IssuedStatement unpaid = cases.issuedStatement(applicant, 9_302L);
    String purchaseOrder = "PO-" + Long.toString(System.nanoTime(), 36);

    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicant.email(), FeeCases.PASSWORD);
      page.navigate(url("/portal/requests/" + first.supportCase().caseNumber()));
      assertThat(page.locator("#payer-incomplete")).containsText("発注番号");
      // The field's maxlength stops typing at 200; a request that bypasses it is refused by the server.
      page.locator("#payer-form #institutionName").evaluate("e => e.removeAttribute('maxlength')");
      page.locator("#payer-form #institutionName").fill("株".repeat(201));
      page.locator("#payer-form #contactEmail").fill("not an address");
      Response refused = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#save-payer").click());
      assertThat(refused.status()).isEqualTo(400);
      assertThat(page.locator("#institutionName-error")).hasText("長すぎます。");
      assertThat(page.locator("#contactEmail-error")).containsText("メールアドレスを入力してください");
      PortalBrowser.shot(page, "billing-portal-payer-refused");
      assertThat(jdbc.queryForObject("select count(*) from payers where case_id = ?", Integer.class, first.supportCase().caseId())).isZero();

      page.locator("#payer-form #institutionName").fill("ファーマ・エグザンプル株式会社");
      page.locator("#payer-form #department").fill("研究企画部");
      page.locator("#payer-form #contactEmail").fill("ap@pharma.example.co.jp");
      page.locator("#payer-form #purchaseOrder").fill(purchaseOrder);
      page.locator("#billingCycle-MONTHLY").check();
      page.locator("#save-payer").click();
      page.waitForURL("**#payer");
      assertThat(page.locator("#payer-saved")).isVisible();
      assertThat(page.locator("#payer-incomplete")).hasCount(0);
      PortalBrowser.shot(page, "billing-portal-payer");
    }
    payers.save(second.supportCase().caseId(), payers.of(first.supportCase().caseId()).orElseThrow(), applicant.email());
    for (FeeCases.IssuedStatement issued : new FeeCases.IssuedStatement[] {first, second, unpaid}) {
      responses.respond(issued.supportCase().caseNumber(), applicant.accountId(), new StatementResponseRequest("accept", null, 1));
      assertThat(delivery.issueInvoice(issued.supportCase().caseId(), issued.statementId())).isEmpty();
    }

    String finance = staff("finance-" + Long.toString(System.nanoTime(), 36));
    LocalDate today = clock.instant().atZone(madoguchi.timeZone()).toLocalDate();
    try (BrowserContext context = browser.context("en-GB")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, url(""), finance, STAFF_PASSWORD);
      page.waitForURL("**/console");
      page.locator("#nav-billing").click();
      page.waitForURL("**/console/billing");

      page.locator("#month").fill(YearMonth.from(today).toString());
      page.locator("#cutoff").fill(today.plusDays(1).toString());
      Response future = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#start-run-button").click());
      assertThat(future.status()).isEqualTo(400);
      assertThat(page.locator("#cutoff-error")).hasText("The cut-off date cannot be in the future.");
      page.locator("#cutoff").fill(today.toString());
      page.locator("#start-run-button").click();
      page.waitForURL("**/console/billing/runs/*");
      assertThat(page.locator("#run-invoice-list tr", new Page.LocatorOptions().setHasText(purchaseOrder))).containsText("2");
      assertThat(page.locator("#run-carried-list tr[data-case='" + unpaid.supportCase().caseNumber() + "']"))
          .containsText("Purchase-order number");
      PortalBrowser.shot(page, "billing-run");
      String runCsv = page.locator("#run-export-csv").getAttribute("href");

      page.locator("#run-invoice-list tr", new Page.LocatorOptions().setHasText(purchaseOrder)).locator("a").click();
      page.waitForURL("**/console/billing/invoices/INV-*");
      String invoiceNumber = page.locator("#document-number").textContent();
      assertThat(page.locator("#document-lines tbody tr")).hasCount(4);
      assertThat(page.locator("#document-tax tr[data-class=STANDARD]")).containsText("24,499");

      assertThat(PortalBrowser.postFormWithCsrf(page, "/console/billing/invoices/" + invoiceNumber + "/lines/1")).isEqualTo(409);
      String csv = page.request().get(url(runCsv)).text();
      assertThat(csv).startsWith("invoice_number,document_kind,issue_date").contains(invoiceNumber + ",INVOICE,");

      page.locator("#credit-2").fill("19998");
      Response noReason = page.waitForResponse(r -> r.request().method().equals("POST"), () -> page.locator("#issue-credit-note").click());
      assertThat(noReason.status()).isEqualTo(400);
      assertThat(page.locator("#credit-note-errors")).hasText("A credit note needs a reason.");
      page.locator("#credit-2").fill("19998");
      page.locator("#reason").fill("The grids were supplied by the applicant.");
      PortalBrowser.shot(page, "billing-invoice-credit-note-form");
      page.locator("#issue-credit-note").click();
      page.waitForURL("**/console/billing/invoices/" + invoiceNumber);
      assertThat(page.locator("#credit-note-issued")).containsText("CN-");
      assertThat(page.locator("#credit-notes")).containsText("-21,997 yen");
      PortalBrowser.shot(page, "billing-invoice");

      APIResponse pdf = page.request().get(url("/console/billing/documents/" + invoiceNumber + ".pdf?lang=ja"));
      assertThat(pdf.status()).isEqualTo(200);
      assertThat(pdf.headers().get("content-type")).isEqualTo("application/pdf");
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

      page.navigate(url("/console/cases/" + unpaid.supportCase().caseNumber()));
      page.locator("#case-billing").click();
      page.waitForURL("**/console/billing/cases/" + unpaid.supportCase().caseNumber() + "/payer");
      assertThat(page.locator("#payer-incomplete")).isVisible();
    }
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicant.email(), FeeCases.PASSWORD);
      page.navigate(url("/portal/requests/" + first.supportCase().caseNumber()));
      Locator invoice = page.locator("#billing-documents li").first();
      assertThat(invoice).containsText("適格請求書");
      String href = invoice.locator("a[hreflang=ja]").getAttribute("href");
      APIResponse pdf = page.request().get(url(href));
      assertThat(pdf.status()).isEqualTo(200);
      assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(page.request().get(url(href.replace(first.supportCase().caseNumber(), unpaid.supportCase().caseNumber()))).status())
          .as("the invoice through a case it does not bill").isEqualTo(404);
      PortalBrowser.shot(page, "billing-portal-documents");
    }
    assertThat(jdbc.queryForObject("select count(*) from invoices where corrects_invoice_id is not null and reason like 'The grids%'",
        Integer.class)).isEqualTo(1);
  }

  private String staff(String name) {
    String email = name + "@madoguchi.example";
    Account account = accounts.ensure(email, STAFF_PASSWORD, "Finance " + name, "en", Set.of(Role.STAFF));
    accounts.assignStaffGroups(account.id(), Set.of(StaffGroup.FINANCE));
    return email;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
