package org.madoguchi.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token: who it signs in as, until when, and only the SHA-256 of its secret. */
@Entity
@Table(name = "api_tokens")
class ApiToken {

  static final int MAX_NAME = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(nullable = false, length = MAX_NAME)
  private String name;

  @Column(nullable = false, length = 16)
  private String prefix;

  @Column(name = "secret_hash", nullable = false, length = 64)
  private String secretHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  ApiToken(long accountId, String name, String prefix, String secretHash, Instant createdAt, Instant expiresAt) {
    this.accountId = accountId;
    this.name = name;
    this.prefix = prefix;
    this.secretHash = secretHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  long id() {
    return id;
  }

  long accountId() {
    return accountId;
  }

  boolean isValid(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  /** Notes the use at most once a minute: a script calling many times a second does not write each time. */
  void usedAt(Instant now) {
    if (lastUsedAt == null || lastUsedAt.isBefore(now.minusSeconds(60))) {
      lastUsedAt = now;
    }
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  ApiTokens.Listed listed() {
    return new ApiTokens.Listed(id, name, prefix, createdAt, expiresAt, lastUsedAt, revokedAt);
  }
}
