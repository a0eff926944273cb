package org.madoguchi.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * The delivery state of an outbox entry (a mail, an engine command): due when, tried how often, last
 * error, sent when. Failures back off exponentially, so an outage delays delivery and never drops it.
 */
@Embeddable
public class Delivery {

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

  protected Delivery() {}

  public static Delivery dueAt(Instant when) {
    Delivery delivery = new Delivery();
    delivery.nextAttemptAt = when;
    return delivery;
  }

  public void sent(Instant when) {
    sentAt = when;
    lastError = null;
  }

  /** Next try after {@code firstDelay}, doubling with each failure up to {@code maxDelay}. */
  public void failed(String error, Instant now, Duration firstDelay, Duration maxDelay) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000));
    long seconds = Math.min(maxDelay.toSeconds(), firstDelay.toSeconds() << Math.min(attempts - 1, 20));
    nextAttemptAt = now.plusSeconds(seconds);
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public int attempts() {
    return attempts;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
