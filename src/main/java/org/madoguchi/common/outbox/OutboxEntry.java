package org.madoguchi.common.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * Something written in the deciding transaction and delivered after commit by an {@link OutboxRelay}.
 * Each kind keeps its own table with the columns of {@link Delivery} and says how it backs off.
 */
@MappedSuperclass
public abstract class OutboxEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Embedded private Delivery delivery;

  protected OutboxEntry() {}

  /** Due at once: the relay picks it up right after the transaction commits. */
  protected OutboxEntry(Instant createdAt) {
    this.createdAt = createdAt;
    this.delivery = Delivery.dueAt(createdAt);
  }

  /** How long to wait after a failed attempt before the next. */
  protected abstract Backoff backoff();

  /** Records a failed attempt and when to try again. */
  public void markFailed(String error, Instant now) {
    delivery.failed(error, now, backoff());
  }

  Delivery delivery() {
    return delivery;
  }

  public Long id() {
    return id;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public int attempts() {
    return delivery.attempts();
  }

  public Instant nextAttemptAt() {
    return delivery.nextAttemptAt();
  }

  public String lastError() {
    return delivery.lastError();
  }

  public Instant sentAt() {
    return delivery.sentAt();
  }

  public Instant deadAt() {
    return delivery.deadAt();
  }
}
