package org.madoguchi.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.common.outbox.Courier;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands queued mail to the mail server. A mail's Message-ID is derived from its outbox id, so a mail
 * delivered again (after a crash between the server's acceptance and the outbox's record of it) is
 * recognisable as the same mail.
 */
@Component
class OutboxMailCourier implements Courier<OutboxMail> {

  private final JavaMailSender sender;
  private final MadoguchiProperties properties;

  OutboxMailCourier(JavaMailSender sender, MadoguchiProperties properties) {
    this.sender = sender;
    this.properties = properties;
  }

  @Override
  public Class<OutboxMail> entryType() {
    return OutboxMail.class;
  }

  @Override
  public void deliver(OutboxMail mail) throws MessagingException {
    sender.send(toMime(mail));
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
