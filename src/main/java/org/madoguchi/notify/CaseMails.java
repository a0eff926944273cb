package org.madoguchi.notify;

import java.time.Instant;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the outbox: the mails a case sent to one recipient (for the applicant's case page). */
@NamedInterface("api")
@Service
public class CaseMails {

  /**
   * One mail of the outbox as the recipient may see it: never the body or delivery errors.
   *
   * @param queuedAt when it was queued (decided)
   * @param sentAt when the mail server accepted it; null while it waits in the outbox
   */
  @NamedInterface("api")
  public record CaseMail(String subject, String template, Instant queuedAt, Instant sentAt) {}

  /** A mail of the case as staff see it: to whom, its text, and where its delivery stands. */
  @NamedInterface("api")
  public record StaffMail(
      String recipient, String subject, String template, String body, Instant queuedAt, Instant sentAt, Instant deadAt, String lastError) {}

  private final OutboxMailRepository outbox;

  CaseMails(OutboxMailRepository outbox) {
    this.outbox = outbox;
  }

  /** Every mail of the case, to anyone, oldest first (the caller checks the viewer may see the case). */
  @Transactional(readOnly = true)
  public List<StaffMail> forStaff(long caseId) {
    return outbox.findByCaseIdOrderByCreatedAtAscIdAsc(caseId).stream()
        .map(m -> new StaffMail(m.recipient(), m.subject(), m.template(), m.body(), m.createdAt(), m.sentAt(), m.deadAt(), m.lastError()))
        .toList();
  }

  /** The case's mails addressed to {@code recipient}, oldest first. */
  @Transactional(readOnly = true)
  public List<CaseMail> sentTo(long caseId, String recipient) {
    return outbox.findByCaseIdAndRecipientOrderByCreatedAtAscIdAsc(caseId, recipient).stream()
        .map(m -> new CaseMail(m.subject(), m.template(), m.createdAt(), m.sentAt()))
        .toList();
  }
}
