package org.madoguchi.tasks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A staff person's notice settings; without a row the digest is on and none was sent yet. */
@Entity
@Table(name = "staff_notice_settings")
class NoticeSetting {

  @Id
  @Column(name = "account_id")
  private long accountId;

  @Column(name = "digest_enabled", nullable = false)
  private boolean digestEnabled = true;

  @Column(name = "last_digest_at")
  private Instant lastDigestAt;

  protected NoticeSetting() {}

  NoticeSetting(long accountId) {
    this.accountId = accountId;
  }

  boolean digestEnabled() {
    return digestEnabled;
  }

  void setDigestEnabled(boolean digestEnabled) {
    this.digestEnabled = digestEnabled;
  }

  Instant lastDigestAt() {
    return lastDigestAt;
  }

  void digestSent(Instant at) {
    this.lastDigestAt = at;
  }
}
