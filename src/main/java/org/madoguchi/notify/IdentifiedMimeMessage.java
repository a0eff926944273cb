package org.madoguchi.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A MIME message whose Message-ID is fixed by us instead of generated at each send. */
class IdentifiedMimeMessage extends MimeMessage {

  private final String messageId;

  IdentifiedMimeMessage(MimeMessage source, String messageId) throws MessagingException {
    super(source);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }
}
