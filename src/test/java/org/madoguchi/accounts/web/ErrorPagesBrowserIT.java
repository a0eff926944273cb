package org.madoguchi.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.accounts.ApiTokens;
import org.madoguchi.accounts.Role;
import org.madoguchi.accounts.StaffGroup;
import org.madoguchi.testsupport.ApplicantClient;
import org.madoguchi.testsupport.ErrorRaisingPages;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/**
 * Browsers get an HTML error page for every failure, in the reader's language (the account's over the
 * browser's), with a way back that suits who they are and never the exception; API clients get problem
 * details.
 */
@MadoguchiIT
class ErrorPagesBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  private static final String PASSWORD = "error-pages-password";

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;
  @Autowired MessageSource messages;

  /** Each failure as the signed-in applicant whose account speaks {@code language}, in a browser set to the other language. */
  @ParameterizedTest
  @ValueSource(strings = {"ja", "en"})
  void anApplicantMeetsEachErrorAsAPageInTheirLanguageWithTheWayBackToTheirRequests(String language) {
    String email = account(language, Role.APPLICANT);
    try (BrowserContext context = browser.context("ja".equals(language) ? "en-US" : "ja-JP")) {
      Page page = PortalBrowser.signedIn(context, base(), email, PASSWORD);

      expectErrorPage(page, page.navigate(base() + "/portal/no-such-page"), 404, language, "/portal/requests", "error-404." + language);
      expectErrorPage(page, page.navigate(base() + ErrorRaisingPages.STAFF_ONLY), 403, language, "/portal/requests", "error-403." + language);
      expectErrorPage(page, page.navigate(base() + ErrorRaisingPages.CONFLICT), 409, language, "/portal/requests", "error-409." + language);
      expectErrorPage(
          page, page.navigate(base() + "/portal/requests/BINDS-1/datasets/not-a-number/deposit"), 400, language, "/portal/requests",
          "error-400." + language);
      expectErrorPage(page, page.navigate(base() + ErrorRaisingPages.FAILURE), 500, language, "/portal/requests", "error-500." + language);
      assertThat(page.content()).doesNotContain(ErrorRaisingPages.SECRET).doesNotContain("IllegalStateException").doesNotContain("at org.");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ja", "en"})
  void someoneNotSignedInIsLedToSignIn(String language) {
    try (BrowserContext context = browser.context("ja".equals(language) ? "ja-JP" : "en-US")) {
      Page page = PortalBrowser.page(context);
      expectErrorPage(page, page.navigate(base() + "/signup/no-such-page"), 404, language, "/login", "error-404-signed-out." + language);
      page.locator("#way-back").click();
      page.waitForURL("**/login");
    }
  }

  @Test
  void staffAreLedBackToTheConsole() {
    String email = account("en", Role.STAFF);
    try (BrowserContext context = browser.context("en-US")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signIn(page, base(), email, PASSWORD);
      page.waitForURL(url -> !url.contains("/login"));
      expectErrorPage(page, page.navigate(base() + "/portal/no-such-page"), 404, "en", "/console", "error-404-staff.en");
    }
  }

  @Test
  void apiClientsKeepProblemDetails() throws Exception {
    String email = account("en", Role.APPLICANT);
    HttpClient http = HttpClient.newHttpClient();
    String bearer = "Bearer " + ApplicantClient.bearerToken(apiTokens, accounts.findByEmail(email).orElseThrow().id());

    HttpResponse<String> unknownCase = http.send(get("/api/cases/BINDS-0/statement").header("Authorization", bearer).build(), text());
    HttpResponse<String> unknownApiPath = http.send(get("/api/no-such-thing").header("Authorization", bearer).build(), text());
    HttpResponse<String> notSignedIn = http.send(get("/api/cases").header("Accept", "application/json").build(), text());
    HttpResponse<String> pageAskedForJson = http.send(get("/signup/no-such-page").header("Accept", "application/json").build(), text());

    assertProblem(unknownCase, 404);
    assertProblem(unknownApiPath, 404);
    assertProblem(notSignedIn, 401);
    assertProblem(pageAskedForJson, 404);

    PortalSession session = new PortalSession(port);
    session.signIn(email, PASSWORD);
    assertProblem(session.raw("GET", "/portal/api/requests/BINDS-0/no-such-action", null, java.util.Map.of()), 404);
    HttpResponse<String> page = session.raw("GET", "/portal/no-such-page", null, java.util.Map.of());
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("id=\"error-title\"").doesNotContain("\"status\":");
  }

  private void expectErrorPage(Page page, Response response, int status, String language, String wayBack, String shot) {
    Locale locale = Locale.forLanguageTag(language);
    assertThat(response.status()).as(shot).isEqualTo(status);
    assertThat(response.headerValue("content-type")).as(shot).startsWith("text/html");
    assertThat(page.locator("html").getAttribute("lang")).as(shot).isEqualTo(language);
    assertThat(page.locator("#error-title").textContent()).as(shot).isEqualTo(message("error." + status + ".title", locale));
    assertThat(page.locator("#way-back").getAttribute("href")).as(shot).isEqualTo(wayBack);
    PortalBrowser.shot(page, shot);
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  private String account(String language, Role role) {
    String email = "errors-" + UUID.randomUUID() + "@lab.example.ac.jp";
    long id = accounts.ensure(email, PASSWORD, "Error Reader", language, Set.of(role)).id();
    if (role == Role.STAFF) {
      accounts.assignStaffGroups(id, Set.of(StaffGroup.DESK));
    }
    return email;
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.uri().toString())
        .startsWith("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status);
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path)).header("Accept-Language", "en").GET();
  }

  private static HttpResponse.BodyHandler<String> text() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }
}
