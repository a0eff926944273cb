package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.accounts.Account;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a one-time link by mail, valid for an hour, of which only a hash is stored. Using
 * it sets the new password, voids the account's other open links and ends every session signed in
 * before (see the session check in accounts.web).
 */
@Service
public class PasswordResets {

  public static final Duration LINK_VALIDITY = Duration.ofHours(1);
  static final String TEMPLATE = "password-reset";
  /** At most this many links per account and hour: a flood of requests cannot flood a mailbox. */
  static final int MAX_LINKS_PER_HOUR = 3;

  public enum Outcome { CHANGED, INVALID }

  private final Accounts accounts;
  private final PasswordResetRepository resets;
  private final Mailer mailer;
  private final PageLinks links;
  private final Clock clock;

  PasswordResets(
      Accounts accounts, PasswordResetRepository resets, Mailer mailer, PageLinks links, Clock clock) {
    this.accounts = accounts;
    this.resets = resets;
    this.mailer = mailer;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Mails a link if the address belongs to a confirmed account and the hourly limit is not reached;
   * otherwise does nothing. The caller answers the same either way (no account enumeration); the
   * return value is for tests and logs only.
   */
  @Transactional
  public boolean request(String email) {
    Instant now = clock.instant();
    Optional<Account> found = accounts.findByEmail(email.strip()).filter(Account::isVerified);
    if (found.isEmpty()
        || resets.countByAccountIdAndCreatedAtAfter(found.get().id(), now.minus(Duration.ofHours(1))) >= MAX_LINKS_PER_HOUR) {
      return false;
    }
    Account account = found.get();
    String token = OneTimeTokens.newToken();
    String tokenHash = OneTimeTokens.hash(token);
    resets.save(new PasswordReset(account.id(), tokenHash, now, now.plus(LINK_VALIDITY)));
    mailer.enqueue(
        new Mail(
            account.email(),
            account.language(),
            TEMPLATE,
            Map.of(
                "name", account.displayName(),
                "link", links.withToken(PageLinks.RESET_PASSWORD, token),
                "minutes", LINK_VALIDITY.toMinutes()),
            "password-reset:" + account.id() + ":" + tokenHash.substring(0, 16),
            null));
    return true;
  }

  /** Whether the link can still be used (the page shows the form only then). */
  @Transactional(readOnly = true)
  public boolean isUsable(String token) {
    Instant now = clock.instant();
    return resets.findByToken(token).filter(r -> r.isUsable(now)).isPresent();
  }

  /** Sets the new password if the link is unused and unexpired; spends the link and the account's other open links. */
  @Transactional
  public Outcome reset(String token, String newPassword) {
    if (!OneTimeTokens.isWellFormed(token)) {
      return Outcome.INVALID;
    }
    Instant now = clock.instant();
    Optional<PasswordReset> found =
        resets.findByTokenHashForUpdate(OneTimeTokens.hash(token)).filter(r -> r.isUsable(now));
    if (found.isEmpty()) {
      return Outcome.INVALID;
    }
    long accountId = found.get().accountId();
    accounts.changePassword(accountId, newPassword);
    found.get().use(now);
    resets.findByAccountIdAndUsedAtIsNull(accountId).forEach(r -> r.use(now));
    return Outcome.CHANGED;
  }

  /** When the account's password last changed by a reset link; null if never. */
  @Transactional(readOnly = true)
  public Instant lastChangeOf(long accountId) {
    return resets.lastChangeOf(accountId);
  }
}
