package org.madoguchi.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time password-reset link. */
@Entity
@Table(name = "portal_password_resets")
class PasswordReset extends OneTimeLink {

  protected PasswordReset() {}

  PasswordReset(long accountId, String tokenHash, Instant createdAt, Instant expiresAt) {
    super(accountId, tokenHash, createdAt, expiresAt);
  }
}
