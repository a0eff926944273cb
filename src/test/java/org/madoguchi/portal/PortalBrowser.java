package org.madoguchi.portal;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.madoguchi.testsupport.Chromium;

/**
 * The portal tests' browser: the shared {@link Chromium} (Debian's Chromium, no browser download),
 * screenshots under target/screenshots/, and the few page steps every portal test needs.
 */
final class PortalBrowser implements AutoCloseable {

  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private final Chromium chromium;

  private PortalBrowser(Chromium chromium) {
    this.chromium = chromium;
  }

  static PortalBrowser launch() {
    return new PortalBrowser(Chromium.launch());
  }

  /** A fresh browser profile whose language is {@code locale} (e.g. {@code ja-JP}), in Japan time. */
  BrowserContext context(String locale) {
    return chromium.context(locale);
  }

  /** A page that echoes the browser's console and errors into the test output. */
  static Page page(BrowserContext context) {
    return Chromium.page(context);
  }

  static void shot(Page page, String name) {
    Chromium.shot(page, SCREENSHOTS, name);
  }

  static void signIn(Page page, String base, String email, String password) {
    page.navigate(base + "/login");
    page.locator("#email").fill(email);
    page.locator("#password").fill(password);
    page.locator("#sign-in").click();
  }

  /** Where form-js put the input of a form field: its id ends with the component id from the form file. */
  static String field(String componentId) {
    return "#form [id$='-" + componentId + "']";
  }

  @Override
  public void close() {
    chromium.close();
  }
}
