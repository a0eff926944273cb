package org.madoguchi.fees.pdf;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.StatementVersion;
import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDFs of fee documents: a statement version, a qualified invoice, a credit note, a no-charge notice,
 * in Japanese or English. The first request renders the PDF and archives it; every later request gets
 * the archived bytes, so a document reads the same for ever, whatever becomes of the templates.
 */
@NamedInterface("api")
@Service
public class FeePdfs {

  private static final String STATEMENT = "STATEMENT";

  private final PdfArchive archive;
  private final PdfRenderer renderer;
  private final MessageSource messages;
  private final ZoneId zone;

  FeePdfs(PdfArchive archive, PdfRenderer renderer, MessageSource messages, MadoguchiProperties madoguchi) {
    this.archive = archive;
    this.renderer = renderer;
    this.messages = messages;
    this.zone = madoguchi.timeZone();
  }

  /** An issued invoice, credit note or no-charge notice, in the document's own language. */
  @Transactional
  public ArchivedPdf billingDocument(BillingDocument document) {
    String language = checkedLanguage(document.language());
    String kind = document.kind().name();
    String fileName = kind.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + document.number() + "-" + language + ".pdf";
    return archive.fetchOrArchive(
        new PdfArchive.Key(kind, document.number(), language),
        fileName,
        () -> render("billing-document", Map.of("doc", document), language, "pdf.title." + kind, document.number(),
            document.issuedOn().atStartOfDay(zone).toInstant()));
  }

  /** One version of a case's statement, in {@code language} ({@code ja} or {@code en}). */
  @Transactional
  public ArchivedPdf statement(StatementVersion version, String language) {
    String checked = checkedLanguage(language);
    String reference = version.statementId() + "-v" + version.version();
    String fileName = "statement-" + version.caseNumber() + "-v" + version.version() + "-" + checked + ".pdf";
    return archive.fetchOrArchive(
        new PdfArchive.Key(STATEMENT, reference, checked),
        fileName,
        () -> render("statement", Map.of("statement", version), checked, "pdf.title.STATEMENT",
            version.caseNumber() + " v" + version.version(), version.createdAt()));
  }

  /** Renders without archiving: what the first request archives (for tests of the templates). */
  byte[] render(String template, Map<String, Object> values, String language, String titleKey, String reference, Instant createdAt) {
    Locale locale = Locale.forLanguageTag(language);
    Map<String, Object> model = new HashMap<>(values);
    model.put("fmt", new PdfFormat(locale, messages, zone));
    String title = messages.getMessage(titleKey, null, locale) + " " + reference;
    return renderer.render(template, model, locale, title, createdAt);
  }

  private static String checkedLanguage(String language) {
    if (!"ja".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("a fee PDF is in ja or en, not " + language);
    }
    return language;
  }
}
