package org.madoguchi.fees.invoicing;

import java.util.Set;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.pdf.ArchivedPdf;
import org.madoguchi.fees.pdf.FeePdfs;
import org.madoguchi.notify.MailAttachment;
import org.madoguchi.notify.MailAttachmentSource;
import org.springframework.http.MediaType;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The PDFs of invoices, credit notes and no-charge notices (rendered and archived by {@link FeePdfs}): for
 * the applicant, a document of their own case; for finance, any document; and as the attachment of the mail
 * that announces it (kind {@value #MAIL_KIND}, reference the document's number). The language is {@code ja}
 * or {@code en}, by default the one the document was issued in; anything else is not found.
 */
@NamedInterface("api")
@Service
public class BillingPdfs implements MailAttachmentSource {

  static final String MAIL_KIND = "billing-document";

  private final BillingDocuments documents;
  private final FeePdfs pdfs;
  private final CaseFile caseFile;

  BillingPdfs(BillingDocuments documents, FeePdfs pdfs, CaseFile caseFile) {
    this.documents = documents;
    this.pdfs = pdfs;
    this.caseFile = caseFile;
  }

  /** A document of the applicant's own case; not found for another case's. */
  public ArchivedPdf forApplicant(String caseNumber, long accountId, String number, String language) {
    CaseSummary supportCase = caseFile.getOwned(caseNumber, accountId);
    boolean ownCase = documents.forCase(supportCase.caseId()).stream().anyMatch(d -> d.number().equals(number));
    if (!ownCase) {
      throw new NotFoundException("billing document " + number);
    }
    return pdf(number, language);
  }

  /** Any document, for finance (the caller checks the viewer is in finance). */
  public ArchivedPdf forFinance(String number, String language) {
    return pdf(number, language);
  }

  /** The attachment of a mail announcing the document, in {@code language}. */
  public static MailAttachment mailAttachment(String number, String language) {
    return new MailAttachment(MAIL_KIND, number, language);
  }

  @Override
  public Set<String> kinds() {
    return Set.of(MAIL_KIND);
  }

  @Override
  public AttachedFile resolve(MailAttachment attachment) {
    ArchivedPdf pdf = pdf(attachment.reference(), attachment.language());
    return new AttachedFile(pdf.fileName(), MediaType.APPLICATION_PDF_VALUE, pdf.content());
  }

  private ArchivedPdf pdf(String number, String language) {
    if (language != null && !"ja".equals(language) && !"en".equals(language)) {
      throw new NotFoundException("billing document " + number + " in " + language);
    }
    BillingDocument document = documents.byNumber(number, language).orElseThrow(() -> new NotFoundException("billing document " + number));
    return pdfs.billingDocument(document);
  }
}
