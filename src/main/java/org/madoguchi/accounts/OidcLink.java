package org.madoguchi.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An identity at an OpenID Connect provider (issuer + subject) linked to a Madoguchi account. */
@Entity
@Table(name = "portal_oidc_links")
class OidcLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String issuer;

  @Column(nullable = false)
  private String subject;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OidcLink() {}

  OidcLink(String issuer, String subject, long accountId, Instant createdAt) {
    this.issuer = issuer;
    this.subject = subject;
    this.accountId = accountId;
    this.createdAt = createdAt;
  }

  long accountId() {
    return accountId;
  }
}
