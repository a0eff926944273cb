package org.madoguchi.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A rendered mail in the outbox; sent once the transaction that queued it has committed. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

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

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

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
    this.nextAttemptAt = createdAt;
  }

  void markSent() {
    sentAt = Instant.now();
    lastError = null;
  }

  /** Exponential backoff from 30 s up to an hour: an SMTP outage delays mail, it never drops it. */
  void markFailed(String error, Instant now) {
    attempts++;
    lastError = error == null ? "unknown" : error.substring(0, Math.min(error.length(), 2000));
    long seconds = Math.min(MAX_BACKOFF.toSeconds(), 30L << Math.min(attempts - 1, 10));
    nextAttemptAt = now.plusSeconds(seconds);
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

  String body() {
    return body;
  }

  int attempts() {
    return attempts;
  }

  Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  Instant sentAt() {
    return sentAt;
  }
}
