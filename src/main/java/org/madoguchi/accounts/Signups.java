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

/** Self-service sign-up: an unverified account and a one-time verification link by mail. */
@Service
public class Signups {

  static final Duration LINK_VALIDITY = Duration.ofHours(24);
  static final String TEMPLATE = "account-verification";
  /** At most this many verification links per account and hour. */
  static final int MAX_LINKS_PER_HOUR = 3;

  public enum Verified { VERIFIED, ALREADY_VERIFIED, INVALID }

  private final Accounts accounts;
  private final EmailVerificationRepository verifications;
  private final Mailer mailer;
  private final PageLinks links;
  private final Clock clock;

  Signups(
      Accounts accounts,
      EmailVerificationRepository verifications,
      Mailer mailer,
      PageLinks links,
      Clock clock) {
    this.accounts = accounts;
    this.verifications = verifications;
    this.mailer = mailer;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Creates the unverified account and queues the verification mail, in one transaction. An address
   * that is already registered changes nothing and sends nothing (the page says the same either way,
   * so sign-up does not reveal who has an account).
   */
  @Transactional
  public Optional<Long> signUp(SignupForm form) {
    Optional<Account> created =
        accounts.register(form.email().strip(), form.password(), form.displayName().strip(), form.language());
    created.ifPresent(this::sendLink);
    return created.map(Account::id);
  }

  /** Uses the one-time link: the account becomes verified; a used or expired link verifies nothing. */
  @Transactional
  public Verified verify(String token) {
    Instant now = clock.instant();
    Optional<EmailVerification> found = verifications.findByToken(token);
    if (found.isEmpty()) {
      return Verified.INVALID;
    }
    EmailVerification verification = found.get();
    if (verification.isUsed()) {
      boolean verified = accounts.find(verification.accountId()).map(Account::isVerified).orElse(false);
      return verified ? Verified.ALREADY_VERIFIED : Verified.INVALID;
    }
    if (!verification.isUsable(now)) {
      return Verified.INVALID;
    }
    verification.use(now);
    accounts.verify(verification.accountId(), now);
    return Verified.VERIFIED;
  }

  /**
   * Sends a new verification link if the address belongs to an account not yet confirmed and the hourly
   * limit is not reached; otherwise does nothing. The page answers the same either way (no account
   * enumeration); the return value is for tests only.
   */
  @Transactional
  public boolean resend(String email) {
    Instant since = clock.instant().minus(Duration.ofHours(1));
    Optional<Account> found =
        accounts.findByEmail(email.strip())
            .filter(a -> !a.isVerified())
            .filter(a -> verifications.countByAccountIdAndCreatedAtAfter(a.id(), since) < MAX_LINKS_PER_HOUR);
    found.ifPresent(this::sendLink);
    return found.isPresent();
  }

  private void sendLink(Account account) {
    String token = OneTimeTokens.newToken();
    String tokenHash = OneTimeTokens.hash(token);
    Instant now = clock.instant();
    EmailVerification verification =
        verifications.save(new EmailVerification(account.id(), tokenHash, now, now.plus(LINK_VALIDITY)));
    mailer.enqueue(
        new Mail(
            account.email(),
            account.language(),
            TEMPLATE,
            Map.of("name", account.displayName(), "link", links.withToken(PageLinks.VERIFY_EMAIL, token),
                "hours", LINK_VALIDITY.toHours()),
            "account-verification:" + verification.accountId() + ":" + tokenHash.substring(0, 16),
            null));
  }
}
