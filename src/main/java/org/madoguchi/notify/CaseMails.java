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

  private final OutboxMailRepository outbox;

  CaseMails(OutboxMailRepository outbox) {
    this.outbox = outbox;
  }

  /** The case's mails addressed to {@code recipient}, oldest first. */
  @Transactional(readOnly = true)
  public List<CaseMail> sentTo(long caseId, String recipient) {
    return outbox.findByCaseIdAndRecipientOrderByCreatedAtAscIdAsc(caseId, recipient).stream()
        .map(m -> new CaseMail(m.subject(), m.template(), m.createdAt(), m.sentAt()))
        .toList();
  }
}
