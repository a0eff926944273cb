package org.madoguchi.portal;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.Chromium;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.testsupport.PortalBrowser.field;
import static org.madoguchi.testsupport.PortalBrowser.shot;
import static org.madoguchi.testsupport.PortalBrowser.signIn;

/**
 * The portal in a real browser (Debian's Chromium driven by Playwright, no browser download): sign up,
 * confirm the address from the mail, sign in, submit a request through the rendered form file, see it in
 * the list and on its case page, switch language; bad input shows field errors and stores nothing;
 * another applicant's case page is a 404. Screenshots go to target/screenshots/.
 */
@MadoguchiIT
class PortalBrowserIT {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired TestRestTemplate rest;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private BrowserContext japaneseBrowser() {
    return browser.context("ja-JP");
  }

  private long casesOf(long accountId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cases WHERE account_id = ?", Long.class, accountId);
  }

  private long accountId(String email) {
    return accounts.findByEmail(email).orElseThrow().id();
  }

  @Test
  void newcomerSignsUpSubmitsARequestAndFollowsItInJapaneseAndEnglish() {
    String email = "portal-" + UUID.randomUUID() + "@example.org";
    String password = "correct horse battery";
    try (BrowserContext context = japaneseBrowser()) {
      Page page = PortalBrowser.page(context);

      // Sign-up: a too-short password is refused next to the field, and no account is created.
      page.navigate(url("/signup"));
      assertThat(page.locator("h1")).hasText("アカウントの作成");
      page.locator("#displayName").fill("山田 花子");
      page.locator("#email").fill(email);
      page.locator("#password").fill("short");
      page.locator("#sign-up").click();
      assertThat(page.locator("#password-error")).isVisible();
      assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
      assertThat(accounts.findByEmail(email)).isEmpty();
      shot(page, "01-signup-errors");

      page.locator("#password").fill(password);
      page.locator("#sign-up").click();
      page.waitForURL("**/signup/sent");
      shot(page, "02-signup-sent");
      long accountId = accountId(email);
      assertThat(accounts.find(accountId).orElseThrow().isVerified()).isFalse();

      // Not verified yet: signing in is refused.
      signIn(page, url(""), email, password);
      page.waitForURL("**/login?error");
      assertThat(page.locator("p.notice.error")).isVisible();

      // The verification link from the mail outbox.
      String body =
          jdbc.queryForObject(
              "SELECT body FROM mail_outbox WHERE recipient = ? AND template = 'account-verification'", String.class, email);
      Matcher token = TOKEN.matcher(body);
      assertThat(token.find()).isTrue();
      // Opening the link confirms nothing (mail scanners open links); its page's button does.
      page.navigate(url("/signup/verify?token=" + token.group(1)));
      shot(page, "03-verify-landing");
      assertThat(accounts.find(accountId).orElseThrow().isVerified()).isFalse();
      page.locator("#confirm-email").click();
      assertThat(page.locator("#verification-result")).containsText("確認が完了しました");
      shot(page, "03-verified");
      assertThat(accounts.find(accountId).orElseThrow().isVerified()).isTrue();
      // The link is single-use: opening it again verifies nothing new.
      page.navigate(url("/signup/verify?token=" + token.group(1)));
      assertThat(page.locator("#verification-result")).containsText("すでに確認済み");

      signIn(page, url(""), email, password);
      page.waitForURL("**/portal/requests");
      assertThat(page.locator("#no-requests")).isVisible();
      shot(page, "04-requests-empty");

      // New request: the rendered form file, prefilled with who is signed in.
      page.locator("#new-request").click();
      page.waitForURL("**/portal/requests/new");
      page.locator("#submit-request").waitFor();
      assertThat(page.locator(field("Field_applicantName"))).hasValue("山田 花子");
      assertThat(page.locator(field("Field_email"))).hasValue(email);

      // Empty required fields: the form shows its errors, nothing is sent.
      page.locator("#submit-request").click();
      assertThat(page.locator(".fjs-form-field-error").first()).isVisible();
      assertThat(casesOf(accountId)).isZero();

      page.locator(field("Field_affiliation")).fill("Example University, Graduate School of Science");
      // Keyboard: the radio group and the checkbox work with Space.
      page.getByLabel("大学・学術機関").focus();
      page.keyboard().press("Space");
      assertThat(page.getByLabel("大学・学術機関")).isChecked();
      page.locator(field("Field_title")).fill("Cryo-EM of a bacterial efflux pump");
      page.locator(field("Field_summary")).fill("Structure of an efflux pump bound to an inhibitor candidate.");
      page.locator(field("Field_aims")).fill("A map below 3 Å resolution.");
      page.getByLabel("データ寄託ポリシーに同意します（必須）").focus();
      page.keyboard().press("Space");
      assertThat(page.getByLabel("データ寄託ポリシーに同意します（必須）")).isChecked();

      // The server is the authority: an end before the start passes the form but not the server.
      page.getByLabel("希望開始日").fill("2030/12/10");
      page.getByLabel("希望開始日").press("Enter");
      page.getByLabel("希望終了日").fill("2030/12/01");
      page.getByLabel("希望終了日").press("Enter");
      page.locator("#submit-request").click();
      assertThat(page.locator(".portal-field-error[data-field='desiredEnd']")).isVisible();
      assertThat(page.locator("#form-errors")).isVisible();
      assertThat(casesOf(accountId)).isZero();
      shot(page, "05-new-request-server-errors");

      page.getByLabel("希望終了日").fill("2030/12/20");
      page.getByLabel("希望終了日").press("Enter");
      page.locator("#submit-request").click();
      page.waitForURL(Pattern.compile(".*/portal/requests/[A-Z]+-.*"));
      assertThat(casesOf(accountId)).isEqualTo(1);
      String caseNumber = page.locator("#case-number").textContent().strip();
      assertThat(page.locator("#timeline li").first()).containsText("申請を受け付けました");
      assertThat(page.locator("h1")).containsText("Cryo-EM of a bacterial efflux pump");
      shot(page, "06-case-page-ja");

      page.navigate(url("/portal/requests"));
      assertThat(page.locator("#requests")).containsText(caseNumber);
      assertThat(page.locator("#requests")).containsText("Cryo-EM of a bacterial efflux pump");
      shot(page, "07-requests-ja");

      // Switch to English: remembered on the account, shown on every page.
      page.locator("#lang-en").click();
      page.waitForURL("**/portal/requests");
      assertThat(page.locator("h1")).hasText("My requests");
      assertThat(accounts.find(accountId).orElseThrow().language()).isEqualTo("en");
      shot(page, "08-requests-en");
      page.locator("#requests a", new Page.LocatorOptions().setHasText(caseNumber)).click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Timeline"))).isVisible();
      assertThat(page.locator("#timeline li").first()).containsText("Request submitted");
      shot(page, "09-case-page-en");

      // Phone width: the list still reads.
      page.setViewportSize(390, 844);
      page.navigate(url("/portal/requests"));
      assertThat(page.locator("#requests")).containsText(caseNumber);
      shot(page, "10-requests-phone");

      // Sign out: the pages need signing in again.
      page.locator("#sign-out").click();
      page.waitForURL("**/login?logout");
      page.navigate(url("/portal/requests"));
      page.waitForURL("**/login");
    }
  }

  @Test
  void anUnverifiedAccountCannotUseTheApiUntilItsAddressIsConfirmed() {
    String email = "portal-api-" + UUID.randomUUID() + "@example.org";
    long id = accounts.register(email, "api password 12", "API User", "en").orElseThrow().id();
    assertThat(accounts.register(email, "another password", "Someone", "ja")).isEmpty();
    HttpHeaders bearer = new HttpHeaders();
    bearer.setBearerAuth(ApplicantClient.bearerToken(apiTokens, id));
    HttpEntity<Void> request = new HttpEntity<>(bearer);
    assertThat(rest.exchange("/api/cases", HttpMethod.GET, request, String.class).getStatusCode().value()).isEqualTo(401);
    accounts.verify(id, java.time.Instant.now());
    assertThat(rest.exchange("/api/cases", HttpMethod.GET, request, String.class).getStatusCode().value()).isEqualTo(200);
    // The API stays stateless without CSRF: no session cookie is handed out.
    assertThat(rest.exchange("/api/cases", HttpMethod.GET, request, String.class).getHeaders().get("Set-Cookie")).isNull();
    // HTTP Basic is gone from the API: the right password alone opens nothing.
    assertThat(rest.withBasicAuth(email, "api password 12").getForEntity("/api/cases", String.class).getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void anotherApplicantCannotOpenSomeoneElsesCasePage() {
    String owner = "portal-owner-" + UUID.randomUUID() + "@example.org";
    String other = "portal-other-" + UUID.randomUUID() + "@example.org";
    accounts.ensure(owner, "owner password 1", "Owner", "en", java.util.Set.of(Role.APPLICANT));
    accounts.ensure(other, "other password 1", "Other", "en", java.util.Set.of(Role.APPLICANT));
    String caseNumber;
    try (BrowserContext context = japaneseBrowser()) {
      Page page = PortalBrowser.signedIn(context, url(""), owner, "owner password 1");
      // Submitted through the portal's own endpoint (session + CSRF), as the form page does.
      Object created =
          page.evaluate(
              "async () => { const h = {'Content-Type': 'application/json'};"
                  + " h[document.querySelector('meta[name=_csrf_header]').content] = document.querySelector('meta[name=_csrf]').content;"
                  + " const r = await fetch('/portal/api/requests', {method: 'POST', headers: h, body: JSON.stringify({"
                  + " applicantName: 'Owner', affiliation: 'Example Institute', email: '" + owner + "',"
                  + " applicantCategory: 'public', title: 'Owner only', summary: 'A summary that is long enough to pass.',"
                  + " aims: 'Aims', confidentiality: 'confidential', dataPolicyAccepted: true})});"
                  + " return (await r.json()).caseNumber; }");
      caseNumber = String.valueOf(created);
      page.navigate(url("/portal/requests/" + caseNumber));
      assertThat(page.locator("#case-number")).hasText(caseNumber);

      // Without the CSRF token the same call is refused and stores nothing.
      long before = casesOf(accountId(owner));
      Object status =
          page.evaluate(
              "async () => (await fetch('/portal/api/requests', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                  + " body: '{}'})).status");
      assertThat(((Number) status).intValue()).isEqualTo(403);
      assertThat(casesOf(accountId(owner))).isEqualTo(before);
    }
    try (BrowserContext context = japaneseBrowser()) {
      Page page = PortalBrowser.signedIn(context, url(""), other, "other password 1");
      assertThat(page.locator("#requests")).hasCount(0);
      var response = page.navigate(url("/portal/requests/" + caseNumber));
      assertThat(response.status()).isEqualTo(404);
      assertThat(page.locator("body")).not().containsText("Owner only");
      shot(page, "11-other-applicants-case-404");
    }
  }
}
