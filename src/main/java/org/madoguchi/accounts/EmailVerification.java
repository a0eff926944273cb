package org.madoguchi.accounts;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time e-mail verification link. */
@Entity
@Table(name = "portal_email_verifications")
class EmailVerification extends OneTimeLink {

  protected EmailVerification() {}

  EmailVerification(long accountId, String tokenHash, Instant createdAt, Instant expiresAt) {
    super(accountId, tokenHash, createdAt, expiresAt);
  }
}
