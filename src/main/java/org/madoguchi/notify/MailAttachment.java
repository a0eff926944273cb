package org.madoguchi.notify;

import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.modulith.NamedInterface;

/**
 * A file a mail carries, by reference: the outbox keeps this, and the file is fetched from the {@link
 * MailAttachmentSource} of its kind when the mail is sent, so the outbox never holds documents.
 *
 * @param kind which source resolves it, e.g. {@code fee-statement}
 * @param reference what the source needs to find the file, e.g. {@code 42/2}
 * @param language {@code ja} or {@code en}
 */
@NamedInterface("api")
public record MailAttachment(String kind, String reference, String language) {

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._/:-]{1,80}");

  public MailAttachment {
    for (String part : new String[] {kind, reference, language}) {
      if (!TOKEN.matcher(Objects.requireNonNullElse(part, "")).matches()) {
        throw new IllegalArgumentException("a mail attachment's kind, reference and language are short tokens, not '" + part + "'");
      }
    }
  }

  /** How the outbox stores it: {@code kind reference language}. */
  String stored() {
    return kind + " " + reference + " " + language;
  }

  static MailAttachment ofStored(String stored) {
    String[] parts = stored.split(" ");
    if (parts.length != 3) {
      throw new IllegalStateException("not a stored mail attachment: " + stored);
    }
    return new MailAttachment(parts[0], parts[1], parts[2]);
  }
}
