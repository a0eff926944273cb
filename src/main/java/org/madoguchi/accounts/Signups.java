package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Self-service sign-up: an unverified account and a one-time verification link by mail. */
@Service
public class Signups {

  static final Duration LINK_VALIDITY = Duration.ofHours(24);
  static final String TEMPLATE = "account-verification";
  static final String ATTEMPT_TEMPLATE = "account-signup-attempt";
  /** At most this many verification links per account and hour. */
  static final int MAX_LINKS_PER_HOUR = 3;

  /** What a verification link does: PENDING (it can confirm), VERIFIED (it just did), or neither. */
  public enum Verified { PENDING, VERIFIED, ALREADY_VERIFIED, INVALID }

  private final Accounts accounts;
  private final EmailVerificationRepository verifications;
  private final Mailer mailer;
  private final PageLinks links;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  Signups(
      Accounts accounts,
      EmailVerificationRepository verifications,
      Mailer mailer,
      PageLinks links,
      PasswordEncoder passwordEncoder,
      Clock clock) {
    this.accounts = accounts;
    this.verifications = verifications;
    this.passwordEncoder = passwordEncoder;
    this.mailer = mailer;
    this.links = links;
    this.clock = clock;
  }

  /**
   * Signs up, answering the same whatever the address (sign-up does not reveal who has an account):
   * <ul>
   *   <li>a new address: an unverified account and a verification link by mail;
   *   <li>an address waiting for confirmation: the latest sign-up replaces the pending one (name,
   *       password, language), the earlier links stop working and the address gets a new link, so
   *       whoever squatted on someone else's address loses it to the owner's own sign-up;
   *   <li>a confirmed address: nothing changes; its owner is told that someone tried, with the way to
   *       reset the password if it was them.
   * </ul>
   * Returns the account the address belongs to.
   */
  @Transactional
  public long signUp(SignupForm form) {
    String email = form.email().strip();
    Optional<Account> existing = accounts.findByEmail(email);
    if (existing.isPresent() && existing.get().isVerified()) {
      // Hashed and thrown away: the answer takes as long as a real sign-up's, so its time tells nothing.
      passwordEncoder.encode(form.password());
      mailAttemptNotice(existing.get());
      return existing.get().id();
    }
    Account account;
    if (existing.isPresent()) {
      Instant now = clock.instant();
      verifications.findByAccountIdAndUsedAtIsNull(existing.get().id()).forEach(link -> link.use(now));
      account = accounts.replacePending(existing.get().id(), form.password(), form.displayName().strip(), form.language());
    } else {
      account = accounts.register(email, form.password(), form.displayName().strip(), form.language()).orElseThrow();
    }
    sendLink(account);
    return account.id();
  }

  /** At most one notice per address and hour, so repeated attempts cannot flood the owner's mailbox. */
  private void mailAttemptNotice(Account account) {
    long hour = clock.instant().getEpochSecond() / 3600;
    mailer.enqueue(
        new Mail(
            account.email(),
            account.language(),
            ATTEMPT_TEMPLATE,
            Map.of("name", account.displayName(), "link", links.page(PageLinks.FORGOT_PASSWORD)),
            ATTEMPT_TEMPLATE + ":" + account.id() + ":" + hour,
            null));
  }

  /** What the link would do, without using it: the landing page offers its button only when PENDING. */
  @Transactional(readOnly = true)
  public Verified check(String token) {
    Instant now = clock.instant();
    return verifications.findByToken(token).map(link -> stateOf(link, now)).orElse(Verified.INVALID);
  }

  /**
   * Uses the one-time link (by the landing page's button, never by opening the link, which mail
   * scanners do): the account becomes verified; a used, voided or expired link verifies nothing.
   */
  @Transactional
  public Verified verify(String token) {
    Instant now = clock.instant();
    Optional<EmailVerification> found = verifications.findByToken(token);
    Verified state = found.map(link -> stateOf(link, now)).orElse(Verified.INVALID);
    if (state != Verified.PENDING) {
      return state;
    }
    EmailVerification verification = found.get();
    verification.use(now);
    accounts.verify(verification.accountId(), now);
    return Verified.VERIFIED;
  }

  private Verified stateOf(EmailVerification link, Instant now) {
    if (link.isUsable(now)) {
      return Verified.PENDING;
    }
    boolean verified = link.isUsed() && accounts.find(link.accountId()).map(Account::isVerified).orElse(false);
    return verified ? Verified.ALREADY_VERIFIED : Verified.INVALID;
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
