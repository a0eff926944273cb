package org.madoguchi.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.List;
import org.madoguchi.MadoguchiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail after commit and on a sweep, retrying with backoff. Each mail is claimed under a
 * row lock and marked sent in the same transaction, so two instances never send it both; its
 * Message-ID is derived from the outbox id, so a resend after a crash is recognisable as the same mail.
 */
@Component
class MailRelay {

  private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
  private static final int BATCH = 20;

  private final OutboxMailRepository outbox;
  private final JavaMailSender sender;
  private final TransactionTemplate transactions;
  private final MadoguchiProperties properties;
  private final Clock clock;

  MailRelay(
      OutboxMailRepository outbox,
      JavaMailSender sender,
      TransactionTemplate transactions,
      MadoguchiProperties properties,
      Clock clock) {
    this.outbox = outbox;
    this.sender = sender;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
  }

  @Async
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onQueued(MailQueued event) {
    sendDue();
  }

  @Scheduled(fixedDelayString = "${madoguchi.mail.relay-interval:PT5S}")
  void sweep() {
    sendDue();
  }

  /** Sends every due mail; returns how many were attempted. */
  int sendDue() {
    int attempted = 0;
    Integer batch;
    do {
      batch = transactions.execute(status -> sendBatch());
      attempted += batch == null ? 0 : batch;
    } while (batch != null && batch == BATCH);
    return attempted;
  }

  private int sendBatch() {
    List<OutboxMail> due = outbox.claimDue(clock.instant(), Limit.of(BATCH));
    for (OutboxMail mail : due) {
      try {
        sender.send(toMime(mail));
        mail.markSent(clock.instant());
      } catch (MailException | MessagingException e) {
        mail.markFailed(e.getMessage(), clock.instant());
        log.warn("Mail {} to {} failed (attempt {}), next try at {}: {}",
            mail.id(), mail.recipient(), mail.attempts(), mail.nextAttemptAt(), e.getMessage());
      }
    }
    return due.size();
  }

  private MimeMessage toMime(OutboxMail mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    // Spring's sender keeps a preset Message-ID, so every attempt of one outbox mail carries the same id.
    message.setHeader("Message-ID", "<outbox-" + mail.id() + "@madoguchi>");
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.mailFrom());
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    return message;
  }
}
