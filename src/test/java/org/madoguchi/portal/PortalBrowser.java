package org.madoguchi.portal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser tests' Chromium: Debian's /usr/bin/chromium (or {@code -Dmadoguchi.chromium}) driven by
 * Playwright without a browser download; contexts in Japan time with a given language, screenshots under
 * target/screenshots/, and the few page steps every portal test needs. A test class registers one, which
 * launches Chromium before its tests and closes it after them:
 * {@code @RegisterExtension static final PortalBrowser browser = new PortalBrowser();}
 */
final class PortalBrowser implements BeforeAllCallback, AfterAllCallback {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private Playwright playwright;
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext extension) {
    playwright = Playwright.create();
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(System.getProperty("madoguchi.chromium", "/usr/bin/chromium")))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @Override
  public void afterAll(ExtensionContext extension) {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /** A fresh browser profile whose language is {@code locale} (e.g. {@code ja-JP}), in Japan time. */
  BrowserContext context(String locale) {
    return browser.newContext(
        new Browser.NewContextOptions().setLocale(locale).setTimezoneId("Asia/Tokyo").setViewportSize(1100, 900));
  }

  /** A page that echoes the browser's console and errors into the test output. */
  static Page page(BrowserContext context) {
    Page page = context.newPage();
    page.onConsoleMessage(message -> System.out.println("[browser] " + message.type() + ": " + message.text()));
    page.onPageError(error -> System.out.println("[browser] page error: " + error));
    return page;
  }

  static void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  static void signIn(Page page, String base, String email, String password) {
    page.navigate(base + "/login");
    page.locator("#email").fill(email);
    page.locator("#password").fill(password);
    page.locator("#sign-in").click();
  }

  /** A new page of {@code context}, signed in through the form and arrived on "My requests". */
  static Page signedIn(BrowserContext context, String base, String email, String password) {
    Page page = page(context);
    signIn(page, base, email, password);
    page.waitForURL("**/portal/requests");
    return page;
  }

  /** Posts an empty form with the page's CSRF token from the page itself, as a forged or replayed submit would; the status. */
  static int postFormWithCsrf(Page page, String path) {
    Object status =
        page.evaluate(
            "async (p) => { const f = new URLSearchParams(); f.append('_csrf', document.querySelector('meta[name=_csrf]').content);"
                + " return (await fetch(p, {method: 'POST', body: f})).status; }",
            path);
    return ((Number) status).intValue();
  }

  /** Where form-js put the input of a form field: its id ends with the component id from the form file. */
  static String field(String componentId) {
    return "#form [id$='-" + componentId + "']";
  }
}
