package org.madoguchi.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.madoguchi.testsupport.Chromium;

/**
 * The e2e suite's browsers, as a JUnit extension ({@code @RegisterExtension static Browsers browsers}):
 * one Chromium per test class, one browser profile per person of the journey. Screens worth keeping are
 * saved with {@link #shot}; when a test fails, every open page is saved as a screenshot and its HTML under
 * target/e2e-screenshots/ before the profiles close.
 */
final class Browsers implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterTestExecutionCallback {

  static final Path SCREENSHOTS = Paths.get("target", "e2e-screenshots");

  private Chromium chromium;
  private final Map<String, Page> pages = new LinkedHashMap<>();
  private String testName = "e2e";

  @Override
  public void beforeAll(ExtensionContext context) {
    chromium = Chromium.launch();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
  }

  /** The page of one person (e.g. "applicant", "desk"), in a browser profile of its own. */
  Page person(String who, String locale) {
    return pages.computeIfAbsent(who, w -> {
      BrowserContext context = chromium.context(locale, 1400, 1000);
      context.setDefaultTimeout(30_000);
      return Chromium.page(context);
    });
  }

  /** A key screen of the journey: target/e2e-screenshots/{test}/{name}.png. */
  void shot(Page page, String name) {
    Chromium.shot(page, SCREENSHOTS.resolve(testName), name);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    try {
      if (context.getExecutionException().isPresent()) {
        Path folder = SCREENSHOTS.resolve(testName).resolve("failure");
        for (Map.Entry<String, Page> entry : pages.entrySet()) {
          saveFailure(folder, entry.getKey(), entry.getValue());
        }
        System.out.println("[e2e] " + testName + " failed; pages saved in " + folder.toAbsolutePath());
      }
    } finally {
      pages.values().forEach(page -> page.context().close());
      pages.clear();
    }
  }

  private static void saveFailure(Path folder, String who, Page page) {
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(who + ".url.txt"), page.url());
      Files.writeString(folder.resolve(who + ".html"), page.content());
      Chromium.shot(page, folder, who);
    } catch (IOException | RuntimeException e) {
      System.out.println("[e2e] could not save the page of " + who + ": " + e);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (chromium != null) {
      chromium.close();
    }
  }
}
