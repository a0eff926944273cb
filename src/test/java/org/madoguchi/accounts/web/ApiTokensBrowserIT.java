package org.madoguchi.accounts.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.testsupport.PortalBrowser.shot;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The API tokens page in a real browser, in Japanese: from the menu, create a named token, which is
 * shown once and works on the API; reloading no longer shows it; revoking it stops it at once.
 * Screenshots go to target/screenshots/.
 */
@MadoguchiIT
class ApiTokensBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired Accounts accounts;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private int apiStatus(String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url("/api/cases"))).header("Authorization", "Bearer " + token).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void anApplicantCreatesATokenSeesItOnceUsesItAndRevokesIt() throws Exception {
    String email = "tokens-" + UUID.randomUUID() + "@lab.example.ac.jp";
    accounts.ensure(email, "token page password", "田中 葵", "ja", Set.of(Role.APPLICANT));
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.signedIn(context, url(""), email, "token page password");
      page.locator("#nav-tokens").click();
      page.waitForURL("**/account/tokens");
      assertThat(page.locator("#no-tokens")).isVisible();
      shot(page, "tokens-01-empty");

      page.locator("#token-name").fill("解析スクリプト");
      page.locator("#token-days").selectOption("30");
      page.locator("#token-create").click();
      page.waitForURL("**/account/tokens");
      String secret = page.locator("#token-secret").textContent().strip();
      assertThat(secret).startsWith(ApiTokens.PREFIX);
      assertThat(page.locator("#token-created")).containsText("この一度だけ");
      assertThat(page.locator("#tokens")).containsText("解析スクリプト");
      assertThat(page.locator("#tokens")).containsText(secret.substring(0, 12));
      shot(page, "tokens-02-created");
      assertThat(apiStatus(secret)).isEqualTo(200);

      // Shown once: the page no longer has it.
      page.reload();
      assertThat(page.locator("#token-secret")).hasCount(0);
      assertThat(page.content()).doesNotContain(secret);
      assertThat(page.locator("#tokens")).not().containsText("未使用");

      page.locator("[id^='revoke-']").click();
      page.waitForURL("**/account/tokens?revoked");
      assertThat(page.locator("#token-revoked")).isVisible();
      assertThat(page.locator("#tokens")).containsText("無効化");
      shot(page, "tokens-03-revoked");
      assertThat(apiStatus(secret)).isEqualTo(401);
    }
  }
}
