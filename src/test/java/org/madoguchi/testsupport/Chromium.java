package org.madoguchi.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The browser of the browser tests: Debian's /usr/bin/chromium (or {@code -Dmadoguchi.chromium}) driven
 * by Playwright, never a downloaded browser; contexts in Japan time with a given language, pages that echo
 * the browser's console into the test output, full-page screenshots.
 */
public final class Chromium implements AutoCloseable {

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  public static Chromium launch() {
    Playwright playwright = Playwright.create();
    Browser browser =
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
    return new Chromium(playwright, browser);
  }

  /** A fresh browser profile whose language is {@code locale} (e.g. {@code ja-JP}), in Japan time. */
  public BrowserContext context(String locale) {
    return context(locale, 1100, 900);
  }

  public BrowserContext context(String locale, int width, int height) {
    return browser.newContext(
        new Browser.NewContextOptions().setLocale(locale).setTimezoneId("Asia/Tokyo").setViewportSize(width, height));
  }

  /** A page that echoes the browser's console and errors into the test output. */
  public static Page page(BrowserContext context) {
    Page page = context.newPage();
    page.onConsoleMessage(message -> System.out.println("[browser] " + message.type() + ": " + message.text()));
    page.onPageError(error -> System.out.println("[browser] page error: " + error));
    return page;
  }

  /** A full-page screenshot {@code <folder>/<name>.png}. */
  public static void shot(Page page, Path folder, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name + ".png")).setFullPage(true));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
