package org.madoguchi.notify;

import java.util.Set;
import org.springframework.modulith.NamedInterface;

/**
 * Supplies the files of mail attachments of some kinds when the mail is sent; a feature that attaches
 * files implements it (notify depends on no feature). Called outside any transaction, perhaps more than
 * once for one mail (a retried delivery): the same reference must give the same file.
 */
@NamedInterface("api")
public interface MailAttachmentSource {

  /** The file as it goes into the mail. */
  @NamedInterface("api")
  record AttachedFile(String fileName, String contentType, byte[] content) {}

  /** The attachment kinds this source resolves. */
  Set<String> kinds();

  /** The file; throws if it cannot be had now (the mail is then retried later). */
  AttachedFile resolve(MailAttachment attachment);
}
