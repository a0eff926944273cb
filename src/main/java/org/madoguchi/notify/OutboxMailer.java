package org.madoguchi.notify;

import java.time.Clock;
import org.madoguchi.common.outbox.OutboxQueued;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Renders the mail now (a broken template fails the step that sends it) and queues it in the outbox. */
@Service
class OutboxMailer implements Mailer {

  private final OutboxMailRepository outbox;
  private final MailTemplates templates;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  OutboxMailer(OutboxMailRepository outbox, MailTemplates templates, ApplicationEventPublisher events, Clock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean enqueue(Mail mail) {
    if (outbox.existsByDedupeKey(mail.dedupeKey())) {
      return false;
    }
    String language = templates.languageFor(mail.template(), mail.language());
    outbox.save(new OutboxMail(mail, language, templates.render(mail.template(), language, mail.model()), clock.instant()));
    events.publishEvent(new OutboxQueued(OutboxMail.class));
    return true;
  }
}
