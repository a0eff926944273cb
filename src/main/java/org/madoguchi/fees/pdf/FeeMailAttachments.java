package org.madoguchi.fees.pdf;

import java.util.Set;
import org.madoguchi.fees.StatementMailAttachment;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.StatementVersions;
import org.madoguchi.notify.MailAttachment;
import org.madoguchi.notify.MailAttachmentSource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The fee PDFs mails carry: a {@link StatementMailAttachment} is that statement version's PDF, the
 * archived one (archived now if this is the first request for it).
 */
@Component
class FeeMailAttachments implements MailAttachmentSource {

  private final StatementVersions versions;
  private final FeePdfs pdfs;

  FeeMailAttachments(StatementVersions versions, FeePdfs pdfs) {
    this.versions = versions;
    this.pdfs = pdfs;
  }

  @Override
  public Set<String> kinds() {
    return Set.of(StatementMailAttachment.KIND);
  }

  @Override
  public AttachedFile resolve(MailAttachment attachment) {
    StatementMailAttachment reference = StatementMailAttachment.of(attachment);
    StatementVersion version =
        versions.history(reference.caseId()).stream()
            .filter(v -> v.version() == reference.version())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no statement version " + reference));
    ArchivedPdf pdf = pdfs.statement(version, attachment.language());
    return new AttachedFile(pdf.fileName(), MediaType.APPLICATION_PDF_VALUE, pdf.content());
  }
}
