package org.madoguchi.fees;

import org.madoguchi.notify.MailAttachment;

/**
 * The statement PDF a mail carries, by reference: kind {@code fee-statement}, reference
 * {@code <case id>/<version>}, resolved when the mail is sent ({@code fees.pdf.FeeMailAttachments}).
 */
public record StatementMailAttachment(long caseId, int version) {

  public static final String KIND = "fee-statement";

  /** The attachment of a mail that announces {@code version}, in {@code language}. */
  public static MailAttachment of(StatementVersion version, String language) {
    return new MailAttachment(KIND, version.caseId() + "/" + version.version(), language);
  }

  public static StatementMailAttachment of(MailAttachment attachment) {
    String[] parts = attachment.reference().split("/");
    if (!KIND.equals(attachment.kind()) || parts.length != 2) {
      throw new IllegalArgumentException("not a statement attachment: " + attachment);
    }
    return new StatementMailAttachment(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
  }
}
