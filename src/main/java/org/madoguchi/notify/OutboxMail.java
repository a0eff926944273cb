package org.madoguchi.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.madoguchi.common.outbox.Backoff;
import org.madoguchi.common.outbox.OutboxEntry;

/** A rendered mail in the outbox; sent once the transaction that queued it has committed. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail extends OutboxEntry {

  /** From 30 s, doubling, up to an hour: an SMTP outage delays mail without hammering the server. */
  private static final int ATTACHMENTS_WIDTH = 1000;

  private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

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

  /** One {@link MailAttachment} per line, fetched when sending; null for a mail without attachments. */
  @Column(name = "attachments")
  private String attachments;

  protected OutboxMail() {}

  OutboxMail(Mail mail, String language, RenderedMail rendered, Instant now) {
    super(now);
    this.dedupeKey = mail.dedupeKey();
    this.caseId = mail.caseId();
    this.recipient = mail.to();
    this.language = language;
    this.template = mail.template();
    this.subject = rendered.subject();
    this.body = rendered.body();
    this.attachments =
        mail.attachments().isEmpty() ? null : mail.attachments().stream().map(MailAttachment::stored).collect(Collectors.joining("\n"));
    if (attachments != null && attachments.length() > ATTACHMENTS_WIDTH) {
      throw new IllegalArgumentException("a mail carries at most " + ATTACHMENTS_WIDTH + " characters of attachment references");
    }
  }

  @Override
  protected Backoff backoff() {
    return BACKOFF;
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

  String body() {
    return body;
  }

  List<MailAttachment> attachments() {
    return attachments == null ? List.of() : Arrays.stream(attachments.split("\n")).map(MailAttachment::ofStored).toList();
  }
}
