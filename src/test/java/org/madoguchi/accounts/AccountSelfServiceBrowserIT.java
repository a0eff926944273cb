package org.madoguchi.accounts;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.madoguchi.accounts.AccountSelfServiceIT.address;
import static org.madoguchi.accounts.AccountSelfServiceIT.mailsInOutbox;
import static org.madoguchi.testsupport.PortalBrowser.linkIn;
import static org.madoguchi.testsupport.PortalBrowser.mailsTo;
import static org.madoguchi.testsupport.PortalBrowser.shot;
import static org.madoguchi.testsupport.PortalBrowser.signIn;

/**
 * Account self-service in a real browser, in Japanese: a newcomer who did not use the first confirmation
 * link asks for another from the sign-in page and signs in with it; "forgot password" mails a one-time
 * link whose page refuses a too-short password at the field, then sets a new one (the old one no longer
 * signs in) and refuses the link the second time; an unknown address gets exactly the same answer as a
 * known one. Mails are read from the SMTP server. Screenshots go to target/screenshots/.
 */
@MadoguchiIT
class AccountSelfServiceBrowserIT {

  @RegisterExtension static final PortalBrowser browser = new PortalBrowser();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private String passwordHash(String email) {
    return jdbc.queryForObject("select password_hash from accounts where email = ?", String.class, email);
  }

  @Test
  void aNewcomerAsksForTheConfirmationMailAgainFromTheSignInPageAndSignsInWithIt() throws Exception {
    String email = address("resend-browser");
    String password = "correct horse battery";
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);
      PortalBrowser.signUp(page, url(""), "佐藤 一郎", email, password);
      MimeMessage first = mailsTo(email, 1).getFirst();
      assertThat(first.getSubject()).contains("メールアドレスのご確認");
      String firstLink = linkIn(first, "/signup/verify");

      // The first link is left unused: on the sign-in page, "no confirmation mail?" sends another.
      page.navigate(url("/login"));
      assertThat(page.locator("#resend-email")).not().isVisible();
      page.locator("#resend summary").click();
      assertThat(page.locator("#resend summary")).hasText("確認メールが届かない場合");
      assertThat(page.locator("label[for=resend-email]")).hasText("メールアドレス");
      page.locator("#resend-email").fill(email);
      shot(page, "40-resend");
      page.locator("#resend-submit").click();
      page.waitForURL("**/signup/sent?resent");
      assertThat(page.locator("#notice-resent")).hasText("このアドレスが確認待ちの場合は、新しい確認リンクをお送りいたしました。");
      shot(page, "41-resent");
      assertThat(accounts.findByEmail(email).orElseThrow().isVerified()).isFalse();

      List<MimeMessage> received = mailsTo(email, 2);
      assertThat(received).hasSize(2);
      List<String> links = received.stream().map(mail -> linkIn(mail, "/signup/verify")).toList();
      assertThat(links).doesNotHaveDuplicates().contains(firstLink);
      String secondLink = links.stream().filter(link -> !link.equals(firstLink)).findFirst().orElseThrow();

      page.navigate(url(secondLink));
      page.locator("#confirm-email").click();
      assertThat(page.locator("#verification-result")).containsText("確認が完了しました");
      assertThat(accounts.findByEmail(email).orElseThrow().isVerified()).isTrue();

      signIn(page, url(""), email, password);
      page.waitForURL("**/portal/requests");
      assertThat(page.locator("h1")).hasText("申請一覧");

      // A broken or expired link says so and offers a new one on the spot, not a second sign-up.
      page.navigate(url("/signup/verify?token=no-such-token"));
      assertThat(page.locator("#verification-result")).hasClass("notice error");
      assertThat(page.locator("#verification-result")).containsText("新しいリンクをお送りください");
      assertThat(page.locator("#resend-email")).hasCount(1);
      shot(page, "48-verify-link-invalid");
    }
  }

  @Test
  void aForgottenPasswordIsResetOnceThroughTheMailedLinkWithoutRevealingWhoHasAnAccount() throws Exception {
    String email = address("reset-browser");
    String oldPassword = "the old password";
    String newPassword = "a brand new password";
    accounts.ensure(email, oldPassword, "鈴木 花子", "ja", Set.of(Role.APPLICANT));
    try (BrowserContext context = browser.context("ja-JP")) {
      Page page = PortalBrowser.page(context);

      // "Forgot password?" from the sign-in page, in Japanese.
      page.navigate(url("/login"));
      page.locator("#forgot-password").click();
      page.waitForURL("**/password/forgot");
      assertThat(page.locator("h1")).hasText("パスワードの再設定");
      page.getByLabel("メールアドレス").fill(email);
      page.locator("#forgot-submit").click();
      page.waitForURL("**/password/forgot?sent");
      assertThat(page.locator("#forgot-sent")).containsText("60分以内に一度だけ");
      String answerForKnown = page.locator("#forgot-sent").textContent();
      shot(page, "42-forgot-sent");

      MimeMessage mail = mailsTo(email, 1).getFirst();
      assertThat(mail.getSubject()).isEqualTo("【窓口】パスワード再設定のご案内");
      String resetLink = linkIn(mail, "/password/reset");

      // Too short: the error stands at the field, in Japanese, and the password stays as it was.
      String hashBefore = passwordHash(email);
      page.navigate(url(resetLink));
      assertThat(page.locator("h1")).hasText("新しいパスワードの設定");
      page.getByLabel("新しいパスワード").fill("short");
      page.locator("#reset-submit").click();
      assertThat(page.locator(".field:has(#password) #password-error")).hasText("10 文字以上 128 文字以下で入力してください。");
      assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
      assertThat(page.locator("#password")).hasAttribute("aria-describedby", "password-hint password-error");
      assertThat(page.locator("#password")).hasValue("");
      assertThat(passwordHash(email)).isEqualTo(hashBefore);
      shot(page, "43-reset-too-short");

      page.getByLabel("新しいパスワード").fill(newPassword);
      page.locator("#reset-submit").click();
      page.waitForURL("**/login?reset");
      assertThat(page.locator("#notice-reset")).hasText("パスワードを変更いたしました。新しいパスワードでログインしてください。");
      assertThat(passwordHash(email)).isNotEqualTo(hashBefore);
      shot(page, "44-reset-done");

      // The old password is refused on the sign-in page; the new one signs in.
      signIn(page, url(""), email, oldPassword);
      page.waitForURL("**/login?error");
      assertThat(page.locator("p.notice.error")).hasText("メールアドレスまたはパスワードが正しくないか、メールアドレスの確認がまだ済んでいません。");
      shot(page, "45-old-password-refused");
      signIn(page, url(""), email, newPassword);
      page.waitForURL("**/portal/requests");
      page.locator("#sign-out").click();
      page.waitForURL("**/login?logout");

      // The link works once: opened again it says so, and offers no form.
      page.navigate(url(resetLink));
      assertThat(page.locator("#reset-invalid")).hasText("このリンクは無効です。使用済みか、有効期限が切れております。");
      assertThat(page.locator("#reset-submit")).hasCount(0);
      assertThat(page.locator("main a[href='/password/forgot']")).isVisible();
      shot(page, "46-reset-used");

      // An address without an account gets exactly the same answer, and no mail.
      String unknown = address("nobody-browser");
      page.navigate(url("/password/forgot"));
      page.getByLabel("メールアドレス").fill(unknown);
      page.locator("#forgot-submit").click();
      page.waitForURL("**/password/forgot?sent");
      assertThat(page.locator("#forgot-sent")).hasText(answerForKnown);
      assertThat(mailsInOutbox(jdbc, unknown, "password-reset")).isZero();
      assertThat(mailsInOutbox(jdbc, email, "password-reset")).isEqualTo(1);
      shot(page, "47-forgot-unknown");
    }
  }
}
