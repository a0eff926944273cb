package org.madoguchi.testsupport;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.madoguchi.testsupport.Chromium;
import org.madoguchi.testsupport.EmbeddedSmtp;

/**
 * The portal tests' browser: the shared {@link Chromium} (Debian's Chromium, no browser download),
 * screenshots under target/screenshots/, and the few page steps every portal test needs. A test class
 * registers one, which launches Chromium before its tests and closes it after them:
 * {@code @RegisterExtension static final PortalBrowser browser = new PortalBrowser();}
 */
public final class PortalBrowser implements BeforeAllCallback, AfterAllCallback {

  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private Chromium chromium;

  @Override
  public void beforeAll(ExtensionContext extension) {
    chromium = Chromium.launch();
  }

  @Override
  public void afterAll(ExtensionContext extension) {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** A fresh browser profile whose language is {@code locale} (e.g. {@code ja-JP}), in Japan time. */
  public BrowserContext context(String locale) {
    return chromium.context(locale);
  }

  /** A page that echoes the browser's console and errors into the test output. */
  public static Page page(BrowserContext context) {
    return Chromium.page(context);
  }

  public static void shot(Page page, String name) {
    Chromium.shot(page, SCREENSHOTS, name);
  }

  public static void signIn(Page page, String base, String email, String password) {
    page.navigate(base + "/login");
    page.locator("#email").fill(email);
    page.locator("#password").fill(password);
    page.locator("#sign-in").click();
  }

  /** Signs up through the form (the page's language preselected) and arrives on "check your e-mail". */
  public static void signUp(Page page, String base, String displayName, String email, String password) {
    page.navigate(base + "/signup");
    page.locator("#displayName").fill(displayName);
    page.locator("#email").fill(email);
    page.locator("#password").fill(password);
    page.locator("#sign-up").click();
    page.waitForURL("**/signup/sent");
  }

  /** The mails the SMTP server received for {@code email}, once there are at least {@code count}. */
  public static List<MimeMessage> mailsTo(String email, int count) {
    return EmbeddedSmtp.awaitMailTo(email, count);
  }

  /** The portal link to {@code path} (e.g. {@code /password/reset}) in a mail, as path and query with its token. */
  public static String linkIn(MimeMessage mail, String path) {
    try {
      Matcher link = Pattern.compile(Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]+").matcher(String.valueOf(mail.getContent()));
      if (!link.find()) {
        throw new AssertionError("no link to " + path + " in the mail \"" + mail.getSubject() + "\"");
      }
      return link.group();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new page of {@code context}, signed in through the form and arrived on "My requests". */
  public static Page signedIn(BrowserContext context, String base, String email, String password) {
    Page page = page(context);
    signIn(page, base, email, password);
    page.waitForURL("**/portal/requests");
    return page;
  }

  /** Posts an empty form with the page's CSRF token from the page itself, as a forged or replayed submit would; the status. */
  public static int postFormWithCsrf(Page page, String path) {
    Object status =
        page.evaluate(
            "async (p) => { const f = new URLSearchParams(); f.append('_csrf', document.querySelector('meta[name=_csrf]').content);"
                + " return (await fetch(p, {method: 'POST', body: f})).status; }",
            path);
    return ((Number) status).intValue();
  }

  /** Where form-js put the input of a form field: its id ends with the component id from the form file. */
  public static String field(String componentId) {
    return "#form [id$='-" + componentId + "']";
  }
}
