package org.madoguchi.accounts;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;

/** Resend the verification mail and reset a forgotten password, without revealing who has an account. */
@MadoguchiIT
class AccountSelfServiceIT {

  private static final Pattern RESET_LINK = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired TestRestTemplate rest;

  /** A fresh address, one no account has. */
  static String address(String prefix) {
    return prefix + "-" + System.nanoTime() + "@lab.example.ac.jp";
  }

  /** How many mails of {@code template} to {@code email} the outbox holds (sent or not). */
  static long mailsInOutbox(JdbcTemplate jdbc, String email, String template) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where recipient = ? and template = ?", Long.class, email, template);
  }

  private long mails(String email, String template) {
    return mailsInOutbox(jdbc, email, template);
  }

  /** The token of the link ({@code link}'s group 1) in the latest {@code template} mail to {@code email}. */
  static String tokenInLatestMail(JdbcTemplate jdbc, String email, String template, Pattern link) {
    String body =
        jdbc.queryForObject(
            "select body from mail_outbox where recipient = ? and template = ? order by id desc limit 1", String.class, email, template);
    Matcher found = link.matcher(body);
    assertThat(found.find()).as("link in %s", body).isTrue();
    return found.group(1);
  }

  private String resetToken(String email) {
    return tokenInLatestMail(jdbc, email, "password-reset", RESET_LINK);
  }

  @Test
  void resendAnswersTheSameForEveryAddressAndSendsOnlyToUnconfirmedOnesWithinTheLimit() {
    PortalSession browser = new PortalSession(port);
    String unconfirmed = address("resend");
    HttpResponse<String> signup =
        browser.postForm("/signup", Map.of("displayName", "Resend Test", "email", unconfirmed, "password", "long enough 123", "language", "en"));
    assertThat(signup.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signup/sent"));
    assertThat(mails(unconfirmed, "account-verification")).isEqualTo(1);

    String confirmed = address("confirmed");
    accounts.ensure(confirmed, "confirmed password", "Confirmed", "en", Set.of(Role.APPLICANT));
    String unknown = address("nobody");
    for (String email : new String[] {unconfirmed, confirmed, unknown}) {
      HttpResponse<String> answer = browser.postForm("/signup/resend", Map.of("email", email));
      assertThat(answer.statusCode()).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/signup/sent?resent"));
    }
    assertThat(mails(unconfirmed, "account-verification")).isEqualTo(2);
    assertThat(mails(confirmed, "account-verification")).isZero();
    assertThat(mails(unknown, "account-verification")).isZero();

    // Rate limit: three links an hour per account (sign-up's + two resends), then nothing more.
    browser.postForm("/signup/resend", Map.of("email", unconfirmed));
    browser.postForm("/signup/resend", Map.of("email", unconfirmed));
    assertThat(mails(unconfirmed, "account-verification")).isEqualTo(Signups.MAX_LINKS_PER_HOUR);
    assertThat(browser.get("/signup/sent?resent").body()).contains("id=\"notice-resent\"").contains("id=\"resend-email\"");
    assertThat(browser.get("/login").body()).contains("id=\"resend-email\"").contains("href=\"/password/forgot\"");
  }

  @Test
  void resetSetsANewPasswordOnceEndsOldSessionsAndRevealsNothing() {
    String email = address("reset");
    accounts.ensure(email, "the old password", "Reset Test", "ja", Set.of(Role.APPLICANT));
    PortalSession oldSession = new PortalSession(port);
    assertThat(oldSession.signIn(email, "the old password")).endsWith("/portal/requests");
    assertThat(oldSession.get("/portal/requests").statusCode()).isEqualTo(200);

    PortalSession browser = new PortalSession(port);
    String unknown = address("nobody");
    HttpResponse<String> forUnknown = browser.postForm("/password/forgot", Map.of("email", unknown));
    HttpResponse<String> forKnown = browser.postForm("/password/forgot", Map.of("email", email));
    assertThat(forUnknown.headers().firstValue("Location")).isEqualTo(forKnown.headers().firstValue("Location"));
    assertThat(mails(unknown, "password-reset")).isZero();
    assertThat(mails(email, "password-reset")).isEqualTo(1);
    assertThat(jdbc.queryForObject("select subject from mail_outbox where recipient = ? and template = 'password-reset'", String.class, email))
        .contains("パスワード");
    String token = resetToken(email);
    // Only the hash of the token is stored.
    assertThat(jdbc.queryForObject("select count(*) from portal_password_resets where token_hash = ?", Long.class, token)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from portal_password_resets where token_hash = ?", Long.class, OneTimeTokens.hash(token))).isEqualTo(1);

    // The same rule as sign-up: too short is a field error and changes nothing.
    HttpResponse<String> tooShort = browser.postForm("/password/reset", Map.of("token", token, "password", "short"));
    assertThat(tooShort.statusCode()).isEqualTo(200);
    assertThat(tooShort.body()).contains("id=\"password-error\"");
    assertThat(browser.get("/password/reset?token=" + token).body()).contains("id=\"reset-submit\"");

    HttpResponse<String> changed = browser.postForm("/password/reset", Map.of("token", token, "password", "a brand new password"));
    assertThat(changed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));

    // Single use.
    HttpResponse<String> again = browser.postForm("/password/reset", Map.of("token", token, "password", "yet another password"));
    assertThat(again.body()).contains("id=\"reset-invalid\"");
    assertThat(browser.get("/password/reset?token=" + token).body()).contains("id=\"reset-invalid\"").doesNotContain("id=\"reset-submit\"");

    // The old password is gone everywhere; the session signed in with it has ended.
    HttpResponse<String> stale = oldSession.get("/portal/requests");
    assertThat(stale.statusCode()).isEqualTo(302);
    assertThat(stale.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    assertThat(oldSession.get("/portal/requests").statusCode()).isEqualTo(302);
    assertThat(new PortalSession(port).signIn(email, "the old password")).contains("/login?error");
    PortalSession fresh = new PortalSession(port);
    assertThat(fresh.signIn(email, "a brand new password")).endsWith("/portal/requests");
    assertThat(fresh.get("/portal/requests").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownOrExpiredLinksChangeNothing() {
    String email = address("expired");
    accounts.ensure(email, "kept password", "Expired Link", "en", Set.of(Role.APPLICANT));
    long accountId = jdbc.queryForObject("select id from accounts where email = ?", Long.class, email);
    String token = OneTimeTokens.newToken();
    jdbc.update(
        "insert into portal_password_resets (account_id, token_hash, created_at, expires_at) values (?, ?, utc_timestamp(6) - interval 2 hour, utc_timestamp(6) - interval 1 hour)",
        accountId, OneTimeTokens.hash(token));
    String hashBefore = jdbc.queryForObject("select password_hash from accounts where id = ?", String.class, accountId);
    PortalSession browser = new PortalSession(port);
    assertThat(browser.postForm("/password/reset", Map.of("token", token, "password", "a brand new password")).body()).contains("id=\"reset-invalid\"");
    assertThat(browser.postForm("/password/reset", Map.of("token", "not-a-token", "password", "a brand new password")).body()).contains("id=\"reset-invalid\"");
    assertThat(jdbc.queryForObject("select password_hash from accounts where id = ?", String.class, accountId)).isEqualTo(hashBefore);
    assertThat(new PortalSession(port).signIn(email, "kept password")).endsWith("/portal/requests");
  }

  @Test
  void resetLinksAreRateLimitedPerAccount() {
    String email = address("limit");
    accounts.ensure(email, "limit password", "Limit", "en", Set.of(Role.APPLICANT));
    PortalSession browser = new PortalSession(port);
    for (int i = 0; i < PasswordResets.MAX_LINKS_PER_HOUR + 2; i++) {
      browser.postForm("/password/forgot", Map.of("email", email));
    }
    assertThat(mails(email, "password-reset")).isEqualTo(PasswordResets.MAX_LINKS_PER_HOUR);
    assertThat(browser.postForm("/password/forgot", Map.of("email", "not an address")).body()).contains("id=\"email-error\"");
  }
}
