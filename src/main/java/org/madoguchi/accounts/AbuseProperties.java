package org.madoguchi.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits against guessing and flooding ({@code madoguchi.abuse.*}).
 *
 * @param lockout progressive lockout of an account after failed sign-ins (shared by every instance)
 * @param rateLimits request rates per client address and per account (per instance, see {@link RateLimits})
 */
@ConfigurationProperties("madoguchi.abuse")
record AbuseProperties(Lockout lockout, RateLimitsSettings rateLimits) {

  /**
   * After {@code failures} consecutive failed sign-ins the account is locked for {@code firstLock}; each
   * further lockout without a successful sign-in in between doubles it, up to {@code longestLock}.
   */
  record Lockout(int failures, Duration firstLock, Duration longestLock) {

    Duration lockAfter(int earlierLockouts) {
      Duration lock = firstLock.multipliedBy(1L << Math.min(earlierLockouts, 20));
      return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
  }

  /** How many requests a client address, and an account, may send per {@code period}. */
  record Limit(int perAddress, int perAccount, Duration period) {}

  record RateLimitsSettings(Limit signIn, Limit api, Limit signUp, Limit resend, Limit passwordReset) {}
}
