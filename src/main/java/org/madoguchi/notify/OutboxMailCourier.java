package org.madoguchi.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.common.outbox.Courier;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands queued mail to the mail server. A mail's Message-ID is derived from its outbox id, so a mail
 * delivered again (after a crash between the server's acceptance and the outbox's record of it) is
 * recognisable as the same mail. Attachments are fetched from their sources now, at each attempt.
 */
@Component
class OutboxMailCourier implements Courier<OutboxMail> {

  private final JavaMailSender sender;
  private final MadoguchiProperties properties;
  private final Map<String, MailAttachmentSource> sources = new HashMap<>();

  OutboxMailCourier(JavaMailSender sender, MadoguchiProperties properties, List<MailAttachmentSource> sources) {
    this.sender = sender;
    this.properties = properties;
    for (MailAttachmentSource source : sources) {
      for (String kind : source.kinds()) {
        if (this.sources.putIfAbsent(kind, source) != null) {
          throw new IllegalStateException("two sources resolve mail attachments of kind " + kind);
        }
      }
    }
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
    List<MailAttachment> attachments = mail.attachments();
    MimeMessageHelper helper = new MimeMessageHelper(message, !attachments.isEmpty(), "UTF-8");
    helper.setFrom(properties.mailFrom());
    helper.setTo(mail.recipient());
    helper.setSubject(mail.subject());
    helper.setText(mail.body(), false);
    for (MailAttachment attachment : attachments) {
      MailAttachmentSource source = sources.get(attachment.kind());
      if (source == null) {
        throw new IllegalStateException("no source resolves mail attachments of kind " + attachment.kind());
      }
      MailAttachmentSource.AttachedFile file = source.resolve(attachment);
      helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
    }
    return message;
  }
}
