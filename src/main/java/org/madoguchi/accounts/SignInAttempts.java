package org.madoguchi.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.notify.Mail;
import org.madoguchi.notify.Mailer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progressive lockout, kept on the account row so that every instance sees it: {@code failures}
 * consecutive wrong passwords lock the account, each lockout longer than the last; the owner gets one
 * mail per lockout; a successful sign-in starts afresh. Each call locks the row, so concurrent attempts
 * on two instances count exactly.
 */
@Service
class SignInAttempts {

  static final String TEMPLATE = "account-locked";

  private final AccountRepository accounts;
  private final AbuseProperties.Lockout policy;
  private final Mailer mailer;
  private final PageLinks links;
  private final Clock clock;

  SignInAttempts(AccountRepository accounts, AbuseProperties properties, Mailer mailer, PageLinks links, Clock clock) {
    this.accounts = accounts;
    this.policy = properties.lockout();
    this.mailer = mailer;
    this.links = links;
    this.clock = clock;
  }

  /** Counts a wrong password for the address (nothing for an unknown one); locks the account at the limit. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(String email) {
    Instant now = clock.instant();
    accounts.findByEmailForUpdate(email.strip().toLowerCase())
        .ifPresent(
            account -> {
              Duration lock = policy.lockAfter(account.lockouts());
              if (account.failedSignIn(now, policy.failures(), lock)) {
                mailLockout(account, now, lock);
              }
            });
  }

  /**
   * Whether the right password may sign in: not while the account is locked (the caller then answers as
   * for a wrong password). A successful sign-in resets the count and the lockout level.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean allowsSignIn(long accountId) {
    Account account = accounts.findByIdForUpdate(accountId).orElseThrow();
    return account.signedIn(clock.instant());
  }

  private void mailLockout(Account account, Instant now, Duration lock) {
    mailer.enqueue(
        new Mail(
            account.email(),
            account.language(),
            TEMPLATE,
            Map.of("name", account.displayName(), "minutes", lock.toMinutes(), "link", links.page(PageLinks.FORGOT_PASSWORD)),
            "account-locked:" + account.id() + ":" + now.toEpochMilli(),
            null));
  }
}
