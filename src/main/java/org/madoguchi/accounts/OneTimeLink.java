package org.madoguchi.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A one-time link sent by mail (e-mail verification, password reset): valid until it expires or is
 * used, whichever comes first. Only the SHA-256 of its token is kept (see {@link OneTimeTokens}); each
 * kind keeps its own table.
 */
@MappedSuperclass
abstract class OneTimeLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "token_hash", nullable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected OneTimeLink() {}

  protected OneTimeLink(long accountId, String tokenHash, Instant createdAt, Instant expiresAt) {
    this.accountId = accountId;
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  long accountId() {
    return accountId;
  }

  boolean isUsable(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  boolean isUsed() {
    return usedAt != null;
  }

  /**
   * Spends the link (also used to void an account's other open links); a link already spent keeps the
   * time it was first used.
   */
  void use(Instant now) {
    if (usedAt == null) {
      usedAt = now;
    }
  }
}
