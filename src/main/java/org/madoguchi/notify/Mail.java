package org.madoguchi.notify;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A mail to send once the current transaction commits.
 *
 * @param to recipient address
 * @param language {@code ja} or {@code en}: picks the template
 * @param template template name, e.g. {@code case-confirmation} (see notify's templates folder)
 * @param model values the template refers to
 * @param dedupeKey unique per logical mail, so a repeated job does not send it twice
 * @param caseId the case the mail belongs to, or null
 * @param attachments files the mail carries, fetched when it is sent
 */
@NamedInterface("api")
public record Mail(
    String to, String language, String template, Map<String, Object> model, String dedupeKey, Long caseId, List<MailAttachment> attachments) {

  public Mail {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  /** A mail without attachments. */
  public Mail(String to, String language, String template, Map<String, Object> model, String dedupeKey, Long caseId) {
    this(to, language, template, model, dedupeKey, caseId, List.of());
  }
}
