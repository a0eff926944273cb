package org.madoguchi.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.madoguchi.common.outbox.Delivery;

/** A rendered mail in the outbox; sent once the transaction that queued it has committed. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

  private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "dedupe_key", nullable = false, unique = true)
  private String dedupeKey;

  @Column(name = "case_id")
  private Long caseId;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String language;

  @Column(nullable = false)
  private String template;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Embedded private Delivery delivery;

  protected OutboxMail() {}

  OutboxMail(Mail mail, String language, RenderedMail rendered) {
    this.dedupeKey = mail.dedupeKey();
    this.caseId = mail.caseId();
    this.recipient = mail.to();
    this.language = language;
    this.template = mail.template();
    this.subject = rendered.subject();
    this.body = rendered.body();
    this.createdAt = Instant.now();
    this.delivery = Delivery.dueAt(createdAt);
  }

  void markSent(Instant now) {
    delivery.sent(now);
  }

  /** Retries from 30 s, doubling, up to an hour: an SMTP outage delays mail, it never drops it. */
  void markFailed(String error, Instant now) {
    delivery.failed(error, now, FIRST_RETRY, MAX_BACKOFF);
  }

  Long id() {
    return id;
  }

  String recipient() {
    return recipient;
  }

  String subject() {
    return subject;
  }

  String template() {
    return template;
  }

  Instant createdAt() {
    return createdAt;
  }

  String body() {
    return body;
  }

  int attempts() {
    return delivery.attempts();
  }

  Instant nextAttemptAt() {
    return delivery.nextAttemptAt();
  }

  Instant sentAt() {
    return delivery.sentAt();
  }
}
