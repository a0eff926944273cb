package org.madoguchi.fees.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template of {@code templates/pdf/} to PDF with the Japanese font embedded (as a
 * subset). The output depends only on the template, the model and the given instant: the creation date
 * is that instant and the file identifier derives from it, so the same document renders to the same bytes.
 */
@Component
class PdfRenderer {

  private static final String PRODUCER = "Madoguchi";

  private final ITemplateEngine templates;
  private final PdfFont font;

  PdfRenderer(ITemplateEngine templates, PdfFont font) {
    this.templates = templates;
    this.font = font;
  }

  /** The filled-in XHTML of {@code pdf/<template>}. */
  String html(String template, Map<String, Object> model, Locale locale) {
    return templates.process("pdf/" + template, new Context(locale, model));
  }

  byte[] render(String template, Map<String, Object> model, Locale locale, String title, Instant createdAt) {
    return renderHtml(html(template, model, locale), title, createdAt);
  }

  byte[] renderHtml(String html, String title, Instant createdAt) {
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withProducer(PRODUCER);
    builder.useFont(font.file(), PdfFont.FAMILY);
    builder.withHtmlContent(html, null);
    try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
      renderer.createPDFWithoutClosing();
      PDDocument document = renderer.getPdfDocument();
      PDDocumentInformation info = document.getDocumentInformation();
      Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
      created.setTimeInMillis(createdAt.toEpochMilli());
      info.setCreationDate(created);
      info.setModificationDate(created);
      info.setProducer(PRODUCER);
      info.setCreator(PRODUCER);
      info.setTitle(title);
      // PDFBox derives the trailer's file identifier from this id and the information dictionary.
      document.setDocumentId(createdAt.toEpochMilli());
      ByteArrayOutputStream rendered = new ByteArrayOutputStream();
      // Saving subsets the font and writes its ToUnicode map, which the text layer's fix rewrites.
      document.save(rendered);
      try (PDDocument saved = Loader.loadPDF(rendered.toByteArray())) {
        IdeographMapping.apply(saved);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        saved.save(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not render the PDF " + title, e);
    }
  }
}
