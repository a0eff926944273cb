package org.madoguchi.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of issue 10 against accounts, each as an attacker would run it: overlong passwords, a
 * squatted sign-up confirmed by a mail scanner, password guessing, floods, and API tokens that must
 * stop working.
 */
@MadoguchiIT
class AccountAbuseIT {

  private static final Pattern VERIFY_LINK = Pattern.compile("/signup/verify\\?token=([A-Za-z0-9_-]+)");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens apiTokens;

  private static Map<String, String> signUp(String email, String name, String password) {
    return Map.of("displayName", name, "email", email, "password", password, "language", "en");
  }

  private String latestVerificationToken(String email) {
    return AccountSelfServiceIT.tokenInLatestMail(jdbc, email, "account-verification", VERIFY_LINK);
  }

  private boolean verified(String email) {
    return jdbc.queryForObject("select verified_at is not null from accounts where email = ?", Boolean.class, email);
  }

  private long mails(String email, String template) {
    return AccountSelfServiceIT.mailsInOutbox(jdbc, email, template);
  }

  @Test
  void passwordsOverSeventyTwoBytesAreAFieldErrorNeverA500() {
    PortalSession browser = new PortalSession(port);
    String ascii80 = "a".repeat(80);
    String kanji28 = "漢".repeat(28);
    for (String password : List.of(ascii80, kanji28)) {
      String email = AccountSelfServiceIT.address("long-password");
      HttpResponse<String> answer = browser.postForm("/signup", signUp(email, "Long Password", password));
      assertThat(answer.statusCode()).as("sign-up with %d characters", password.length()).isEqualTo(200);
      assertThat(answer.body()).contains("id=\"password-error\"").contains("72 bytes").contains("counts 3");
      assertThat(accounts.findByEmail(email)).isEmpty();
    }
    // 24 kanji are 72 bytes: allowed.
    String fits = AccountSelfServiceIT.address("kanji-password");
    assertThat(browser.postForm("/signup", signUp(fits, "Kanji", "漢".repeat(24))).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/signup/sent"));

    // Reset refuses it the same way; sign-in with it is an ordinary failure.
    String email = AccountSelfServiceIT.address("long-sign-in");
    accounts.ensure(email, "a".repeat(72), "Long Sign-in", "en", Set.of(Role.APPLICANT));
    assertThat(new PortalSession(port).signIn(email, ascii80)).endsWith("/login?error");
    assertThat(new PortalSession(port).signIn(email, kanji28)).endsWith("/login?error");
    assertThat(new PortalSession(port).signIn(email, "a".repeat(72))).endsWith("/portal/requests");
    HttpResponse<String> reset = browser.postForm("/password/reset", Map.of("token", "whatever", "password", kanji28));
    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(reset.body()).contains("id=\"password-error\"");
  }

  /**
   * The squatting of issue 10: an attacker signs up with the victim's address, a mail scanner opens the
   * link, the victim signs up. Before: the scanner's GET confirmed the attacker's account and the
   * victim's sign-up sent nothing; the attacker signed in.
   */
  @Test
  void aSquattedSignUpIsConfirmedOnlyByTheOwnersOwnLinkWithTheOwnersPassword() {
    String victim = AccountSelfServiceIT.address("victim");
    PortalSession attacker = new PortalSession(port);
    HttpResponse<String> squat = attacker.postForm("/signup", signUp(victim, "Not The Victim", "attacker password 1"));
    String attackersLink = latestVerificationToken(victim);

    // A mail scanner opens the link: a landing page with a button, and nothing confirmed.
    HttpResponse<String> scanned = new PortalSession(port).get("/signup/verify?token=" + attackersLink);
    assertThat(scanned.statusCode()).isEqualTo(200);
    assertThat(scanned.body()).contains("id=\"confirm-email\"");
    assertThat(verified(victim)).isFalse();

    // The victim signs up: the same answer as any sign-up, a new link to the victim's mailbox.
    HttpResponse<String> own = new PortalSession(port).postForm("/signup", signUp(victim, "Victim", "victim password 1"));
    assertThat(own.headers().firstValue("Location")).isEqualTo(squat.headers().firstValue("Location"));
    assertThat(mails(victim, "account-verification")).isEqualTo(2);
    String victimsLink = latestVerificationToken(victim);
    assertThat(victimsLink).isNotEqualTo(attackersLink);

    // The attacker's link no longer confirms anything, even by POST.
    PortalSession owner = new PortalSession(port);
    assertThat(owner.postForm("/signup/verify", Map.of("token", attackersLink)).body())
        .contains("id=\"verification-result\"").contains("notice error");
    assertThat(verified(victim)).isFalse();

    // The victim's own link confirms, by the button.
    assertThat(owner.get("/signup/verify?token=" + victimsLink).body()).contains("id=\"confirm-email\"");
    assertThat(verified(victim)).isFalse();
    HttpResponse<String> confirmed = owner.postForm("/signup/verify", Map.of("token", victimsLink));
    assertThat(confirmed.body()).contains("id=\"verification-result\"").doesNotContain("notice error");
    assertThat(verified(victim)).isTrue();

    assertThat(new PortalSession(port).signIn(victim, "attacker password 1")).endsWith("/login?error");
    assertThat(new PortalSession(port).signIn(victim, "victim password 1")).endsWith("/portal/requests");
    assertThat(accounts.findByEmail(victim).orElseThrow().displayName()).isEqualTo("Victim");
  }

  @Test
  void aSignUpForAConfirmedAddressAnswersAsANewOneAndTellsTheOwner() {
    String owner = AccountSelfServiceIT.address("confirmed-owner");
    accounts.ensure(owner, "owner password 1", "Owner", "ja", Set.of(Role.APPLICANT));
    String fresh = AccountSelfServiceIT.address("fresh");
    HttpResponse<String> forNew = new PortalSession(port).postForm("/signup", signUp(fresh, "Fresh", "fresh password 1"));
    HttpResponse<String> forTaken = new PortalSession(port).postForm("/signup", signUp(owner, "Someone", "someone password 1"));
    assertThat(forTaken.statusCode()).isEqualTo(forNew.statusCode());
    assertThat(forTaken.headers().firstValue("Location")).isEqualTo(forNew.headers().firstValue("Location"));
    assertThat(mails(owner, "account-verification")).isZero();
    assertThat(mails(owner, Signups.ATTEMPT_TEMPLATE)).isEqualTo(1);
    assertThat(jdbc.queryForObject(
            "select body from mail_outbox where recipient = ? and template = ?", String.class, owner, Signups.ATTEMPT_TEMPLATE))
        .contains("/password/forgot");
    assertThat(new PortalSession(port).signIn(owner, "someone password 1")).endsWith("/login?error");
    assertThat(new PortalSession(port).signIn(owner, "owner password 1")).endsWith("/portal/requests");
  }

  /** Issue 10: 30 wrong passwords, then the right one, signed in (200). Now the account is locked after 10. */
  @Test
  void thirtyWrongPasswordsLockTheAccountTheRightOneNoLongerSignsInAndTheOwnerGetsOneMail() throws Exception {
    String email = AccountSelfServiceIT.address("guessed");
    accounts.ensure(email, "the right password", "Guessed", "en", Set.of(Role.APPLICANT));
    String unknown = AccountSelfServiceIT.address("nobody");
    String unknownAnswer = new PortalSession(port).signIn(unknown, "wrong password 0");
    for (int attempt = 1; attempt <= 30; attempt++) {
      assertThat(new PortalSession(port).signIn(email, "wrong password " + attempt)).as("attempt %d", attempt).isEqualTo(unknownAnswer);
    }
    // Locked: the right password answers exactly like a wrong one, or an unknown address.
    assertThat(new PortalSession(port).signIn(email, "the right password")).isEqualTo(unknownAnswer).endsWith("/login?error");
    assertThat(jdbc.queryForObject("select lockouts from accounts where email = ?", Integer.class, email)).isEqualTo(1);

    List<MimeMessage> received = EmbeddedSmtp.awaitMailTo(email, 1);
    assertThat(received).hasSize(1);
    assertThat(received.getFirst().getSubject()).contains("locked");
    assertThat(mails(email, SignInAttempts.TEMPLATE)).isEqualTo(1);

    // A new password set through the mailed way ends the lock.
    long id = accounts.findByEmail(email).orElseThrow().id();
    accounts.changePassword(id, "a new right password");
    assertThat(new PortalSession(port).signIn(email, "a new right password")).endsWith("/portal/requests");
  }

  @Test
  void aSuccessfulSignInStartsTheCountAfresh() {
    String email = AccountSelfServiceIT.address("forgetful");
    accounts.ensure(email, "the right password", "Forgetful", "en", Set.of(Role.APPLICANT));
    for (int round = 0; round < 2; round++) {
      for (int attempt = 1; attempt < 10; attempt++) {
        new PortalSession(port).signIn(email, "wrong password " + attempt);
      }
      assertThat(new PortalSession(port).signIn(email, "the right password")).as("round %d", round).endsWith("/portal/requests");
    }
    assertThat(mails(email, SignInAttempts.TEMPLATE)).isZero();
  }

  @Test
  void tooManySignUpsForOneAddressAre429WithRetryAfterAsAPageOrProblemDetails() throws Exception {
    String email = AccountSelfServiceIT.address("flood");
    PortalSession browser = new PortalSession(port);
    for (int i = 0; i < 5; i++) {
      assertThat(browser.postForm("/signup", signUp(email, "Flood", "flood password " + i)).statusCode()).isEqualTo(302);
    }
    // A browser asks for HTML.
    HttpResponse<String> page = send(form("/signup", email).header("Accept", "text/html").header("Accept-Language", "en"));
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(page.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("Too many attempts");

    HttpResponse<String> japanese = send(form("/signup", email).header("Accept", "text/html").header("Accept-Language", "ja"));
    assertThat(japanese.statusCode()).isEqualTo(429);
    assertThat(japanese.body()).contains("試行回数が多すぎます");
    HttpResponse<String> problem = send(form("/signup", email).header("Accept", "application/json"));
    assertThat(problem.statusCode()).isEqualTo(429);
    assertThat(problem.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(problem.headers().firstValue("Retry-After")).isPresent();
    assertThat(mails(email, "account-verification")).isEqualTo(5);
  }

  @Test
  void theApiTakesOnlyValidTokensAndAnswersOthersWithProblemDetails() throws Exception {
    String email = AccountSelfServiceIT.address("token-owner");
    long id = accounts.ensure(email, "token owner password", "Token Owner", "en", Set.of(Role.APPLICANT)).id();
    ApiTokens.Created valid = apiTokens.create(id, "script", Duration.ofDays(30));
    ApiTokens.Created revoked = apiTokens.create(id, "old laptop", Duration.ofDays(30));
    ApiTokens.Created expired = apiTokens.create(id, "last year", Duration.ofDays(30));
    apiTokens.revoke(id, revoked.id());
    jdbc.update("update api_tokens set expires_at = utc_timestamp(6) - interval 1 day where id = ?", expired.id());

    assertThat(valid.secret()).startsWith(ApiTokens.PREFIX);
    assertThat(jdbc.queryForObject("select count(*) from api_tokens where secret_hash = ?", Long.class, valid.secret())).isZero();
    assertThat(api("Bearer " + valid.secret()).statusCode()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select last_used_at is not null from api_tokens where id = ?", Boolean.class, valid.id())).isTrue();
    for (String authorization :
        List.of("Bearer " + revoked.secret(), "Bearer " + expired.secret(), "Bearer mdg_unknown", "Basic "
            + java.util.Base64.getEncoder().encodeToString((email + ":token owner password").getBytes(StandardCharsets.UTF_8)))) {
      HttpResponse<String> refused = api(authorization);
      assertThat(refused.statusCode()).as(authorization).isEqualTo(401);
      assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
      assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    // The API's description says so too.
    String description = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi")).GET()).body();
    assertThat(description).contains("\"apiToken\"", "\"scheme\":\"bearer\"").doesNotContain("\"basic\"");
  }

  private HttpRequest.Builder form(String path, String email) {
    String body = "displayName=Flood&email=" + java.net.URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=flood+password+7&language=en";
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private HttpResponse<String> api(String authorization) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .GET());
  }

  @Test
  void firstSignUpsForOneAddressAtTheSameMomentNeverAnswer500() {
    for (int round = 0; round < 5; round++) {
      String email = AccountSelfServiceIT.address("same-moment");
      List<PortalSession> browsers = List.of(new PortalSession(port), new PortalSession(port), new PortalSession(port));
      browsers.forEach(browser -> browser.get("/signup"));
      List<Integer> answers = browsers.parallelStream()
          .map(browser -> browser.postForm("/signup", signUp(email, "Same Moment", "same moment password")).statusCode())
          .toList();
      assertThat(answers).as("sign-ups of %s at the same moment", email).containsOnly(302);
      assertThat(jdbc.queryForObject("select count(*) from accounts where email = ?", Integer.class, email)).isOne();
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
