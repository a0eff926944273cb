package org.madoguchi.documents;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.testsupport.PortalBrowser.field;
import static org.madoguchi.testsupport.PortalBrowser.shot;

/**
 * In Chromium: an applicant chooses a PDF on the new-request page, sends the request, finds the document on
 * the case page and downloads it; then attaches an HTML page renamed .pdf from the case page's form and is
 * told why it was refused. Screenshots: target/screenshots/documents-*.png.
 */
@MadoguchiIT
class DocumentsBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired TestRestTemplate rest;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void anApplicantAttachesAPdfToANewRequestAndDownloadsItFromTheCasePage() throws Exception {
    ApplicantClient applicant = ApplicantClient.signUp(rest, accounts, apiTokens);
    byte[] plan = SampleFiles.pdf(200_000);
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), applicant.email(), "secret-" + applicant.email());
      page.navigate(url("/portal/requests/new"));
      page.locator("#submit-request").waitFor();
      page.locator(field("Field_affiliation")).fill("Example University, Graduate School of Science");
      page.getByLabel("大学・学術機関").check();
      page.locator(field("Field_title")).fill("Cryo-EM of a bacterial efflux pump");
      page.locator(field("Field_summary")).fill("Structure of an efflux pump bound to an inhibitor candidate.");
      page.locator(field("Field_aims")).fill("A map below 3 Å resolution.");
      page.getByLabel("データ寄託ポリシーに同意します（必須）").check();
      // The picker sits in the form, above its button.
      assertThat(page.locator("#form #document-picker")).isVisible();
      page.locator("#documents-input").setInputFiles(new FilePayload("研究計画書.pdf", "application/pdf", plan));
      shot(page, "documents-new-request-ja");
      page.locator("#submit-request").click();

      page.waitForURL(Pattern.compile(".*/portal/requests/[A-Z]+-[^/]+$"));
      String caseNumber = page.locator("#case-number").textContent().strip();
      assertThat(page.locator("#document-list")).containsText("研究計画書.pdf");
      assertThat(page.locator("#document-list")).containsText("申請");
      assertThat(page.locator("#timeline")).containsText("書類が添付されました");
      page.locator("#attached-documents").scrollIntoViewIfNeeded();
      shot(page, "documents-case-page-ja");

      Download download = page.waitForDownload(() -> page.locator("#document-list a").first().click());
      assertThat(download.suggestedFilename()).isEqualTo("研究計画書.pdf");
      assertThat(Files.readAllBytes(download.path())).isEqualTo(plan);

      // The case page's own form: an HTML page under a .pdf name is refused, and the page says why.
      page.locator("#document-file").setInputFiles(new FilePayload("sample-sheet.pdf", "application/pdf", SampleFiles.html()));
      page.locator("#attach-submit").click();
      assertThat(page.locator("#document-refused")).containsText("PDF、画像");
      shot(page, "documents-refused-ja");
      page.locator("#back-to-case").click();
      page.waitForURL("**/portal/requests/" + caseNumber + "#attached-documents");
      assertThat(page.locator("#document-list tbody tr")).hasCount(1);
      assertThat(jdbc.queryForObject(
              "select count(*) from documents d join cases c on c.id = d.case_id where c.case_number = ?", Integer.class, caseNumber))
          .isEqualTo(1);
    }
  }
}
