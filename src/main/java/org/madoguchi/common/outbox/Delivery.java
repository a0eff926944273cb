package org.madoguchi.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * The delivery state of an outbox entry (a mail, an engine command): due when, claimed by whom, tried
 * how often, last error, sent or given up when. While a relay holds a claim, {@code nextAttemptAt} is
 * the end of its lease, so the entry of a relay that died becomes due again on its own.
 */
@Embeddable
public class Delivery {

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "claimed_by")
  private String claimedBy;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "dead_at")
  private Instant deadAt;

  protected Delivery() {}

  static Delivery dueAt(Instant when) {
    Delivery delivery = new Delivery();
    delivery.nextAttemptAt = when;
    return delivery;
  }

  void claim(String claim, Instant leaseUntil) {
    claimedBy = claim;
    nextAttemptAt = leaseUntil;
  }

  boolean isClaimedBy(String claim) {
    return claim.equals(claimedBy);
  }

  void sent(Instant when) {
    sentAt = when;
    lastError = null;
    claimedBy = null;
  }

  void failed(String error, Instant now, Backoff backoff) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000));
    claimedBy = null;
    nextAttemptAt = backoff.nextAttempt(attempts, now);
  }

  /** Never tried again automatically; the last error stays as the reason. */
  void dead(Instant when) {
    deadAt = when;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  int attempts() {
    return attempts;
  }

  String lastError() {
    return lastError;
  }

  Instant sentAt() {
    return sentAt;
  }

  Instant deadAt() {
    return deadAt;
  }
}
