package org.madoguchi.fees.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.ConsumptionTax;
import org.madoguchi.fees.StatementStatus;
import org.madoguchi.fees.StatementVersion;
import org.madoguchi.fees.TaxClass;
import org.madoguchi.testsupport.MadoguchiIT;
import org.madoguchi.testsupport.PortalBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The qualified invoice (適格請求書) as PDF: read back with PDFBox, it states every mandatory item in
 * Japanese with the Japanese font embedded; likewise in English, the credit note, the no-charge notice
 * and the statement. Renders are byte-identical, and the archive serves what it stored.
 */
@MadoguchiIT
class InvoicePdfIT {

  private static final ConsumptionTax TAX = new ConsumptionTax(new BigDecimal("0.10"), new BigDecimal("0.08"), RoundingMode.FLOOR);
  private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 100_000));

  @Autowired FeePdfs pdfs;
  @Autowired JdbcClient jdbc;

  @Test
  void theJapaneseInvoiceStatesEveryMandatoryItemInAnEmbeddedJapaneseFont() throws IOException {
    BillingDocument invoice = document(BillingDocument.Kind.INVOICE, "INV-2026-000042", "ja");
    byte[] pdf = render(invoice);

    String text = text(pdf);
    assertThat(text)
        .contains("適格請求書")
        .contains("登録番号：T5010001088888")
        .contains("東京大学 御中")
        .contains("請求書番号", "INV-2026-000042")
        .contains("発行日", "2026年11月30日")
        .contains("2026年11月2日", "2026年11月20日")
        .contains("X線結晶構造解析 装置利用料", "試薬（食品添加物グレード） ※", "※は軽減税率対象")
        .contains("10%対象", "8%対象", "消費税")
        // 10 %: 12,000 + 3,333 = 15,333 -> tax 1,533; 8 %: 4,999 -> tax 399 (floored once per rate)
        .contains("15,333円", "1,533円", "4,999円", "399円")
        .contains("20,332円", "1,932円", "22,264円");
    assertJapaneseFontEmbedded(pdf);
    writeFirstPage(pdf, "invoice-ja.png");
  }

  @Test
  void theEnglishInvoiceStatesTheSameItems() throws IOException {
    byte[] pdf = render(document(BillingDocument.Kind.INVOICE, "INV-2026-000042", "en"));

    assertThat(text(pdf))
        .contains("Invoice", "Registration number: T5010001088888", "The University of Tokyo")
        .contains("Invoice number", "INV-2026-000042", "Date of issue", "30 November 2026", "2 November 2026 to 20 November 2026")
        .contains("※ Subject to the reduced tax rate", "Subject to 10%", "Subject to 8%", "Consumption tax")
        .contains("¥15,333", "¥1,533", "¥4,999", "¥399", "¥22,264");
    assertJapaneseFontEmbedded(pdf);
  }

  @Test
  void theCreditNoteRefersToTheInvoiceAndStatesTheReturnPerRate() throws IOException {
    BillingDocument invoice = document(BillingDocument.Kind.INVOICE, "INV-2026-000042", "ja");
    List<BillingDocument.Line> returned =
        List.of(new BillingDocument.Line(1, "BINDS-2026-00042", 1, LocalDate.of(2026, 11, 2), "X線結晶構造解析 装置利用料（返還）",
            BigDecimal.ONE, -2_000, -2_000, TaxClass.STANDARD));
    BillingDocument credit =
        new BillingDocument(BillingDocument.Kind.CREDIT_NOTE, "CN-2026-000003", LocalDate.of(2026, 12, 4), invoice.transactionsFrom(),
            invoice.transactionsTo(), "ja", invoice.issuer(), invoice.recipient(), returned, taxOf(returned), "INV-2026-000042",
            "利用時間の記録誤り");

    byte[] pdf = render(credit);

    assertThat(text(pdf))
        .contains("適格返還請求書", "登録番号：T5010001088888", "東京大学 御中", "CN-2026-000003", "2026年12月4日")
        .contains("対象の請求書番号", "INV-2026-000042", "返還の理由", "利用時間の記録誤り")
        .contains("10%対象", "-2,000円", "-200円", "-2,200円");
    assertJapaneseFontEmbedded(pdf);
  }

  @Test
  void theNoChargeNoticeSaysNothingIsDue() throws IOException {
    List<BillingDocument.Line> free =
        List.of(new BillingDocument.Line(1, "BINDS-2026-00043", 1, LocalDate.of(2026, 11, 5), "クライオ電顕 装置利用料（学術・無償）",
            new BigDecimal("3.5"), 0, 0, TaxClass.STANDARD));
    BillingDocument notice =
        new BillingDocument(BillingDocument.Kind.NO_CHARGE_NOTICE, "BINDS-2026-00043", LocalDate.of(2026, 11, 30),
            LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 5), "ja", issuer(), recipient(), free, taxOf(free), null, null);

    byte[] pdf = render(notice);

    assertThat(text(pdf)).contains("利用料なしのお知らせ", "BINDS-2026-00043", "東京大学 御中", "お支払いいただく利用料はありません", "0円")
        .doesNotContain("※");
    assertJapaneseFontEmbedded(pdf);
  }

  @Test
  void theStatementShowsItsVersionLinesAndTotalsPerClass() throws IOException {
    List<StatementVersion.Line> lines =
        List.of(
            new StatementVersion.Line(1, "USAGE", 7L, "X線回折装置", "instrument-upkeep", "xray", LocalDate.of(2026, 11, 2),
                new BigDecimal("4.00"), 10_000, new BigDecimal("0.30"), "Share of large-instrument upkeep", TaxClass.STANDARD, 12_000,
                null, null),
            new StatementVersion.Line(2, "ADJUSTMENT", null, "試薬", "reagent", null, LocalDate.of(2026, 11, 3), BigDecimal.ONE, 4_999,
                BigDecimal.ONE, null, TaxClass.REDUCED, 4_999, "単価の訂正", null));
    StatementVersion version =
        new StatementVersion(9, 3, "BINDS-2026-00042", 2, true, StatementStatus.ISSUED, Instant.parse("2026-11-20T03:00:00Z"),
            "finance@madoguchi.example", "異議を受けて試薬の単価を訂正", null, null, lines,
            TAX.of(lines.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList()));

    byte[] ja = pdfs.render("statement", Map.of("statement", version), "ja", "pdf.title.STATEMENT", "v2", version.createdAt());
    byte[] en = pdfs.render("statement", Map.of("statement", version), "en", "pdf.title.STATEMENT", "v2", version.createdAt());

    assertThat(text(ja))
        .contains("利用料明細書", "BINDS-2026-00042", "第2版", "2026年11月20日", "X線回折装置", "試薬※", "変更理由：単価の訂正")
        .contains("10%対象", "8%対象※", "12,000円", "1,200円", "399円", "18,598円", "異議を受けて試薬の単価を訂正");
    assertThat(text(en)).contains("Fee statement", "Version 2", "20 November 2026", "Subject to 10%", "¥18,598");
    assertJapaneseFontEmbedded(ja);
  }

  @Test
  void twoRendersOfOneDocumentAreByteIdentical() {
    BillingDocument invoice = document(BillingDocument.Kind.INVOICE, "INV-2026-000042", "ja");

    assertThat(render(invoice)).isEqualTo(render(invoice));
  }

  @Test
  void theArchivedPdfIsServedAsStoredAndNeverRenderedAgain() {
    BillingDocument invoice = document(BillingDocument.Kind.INVOICE, uniqueNumber(), "ja");

    ArchivedPdf first = pdfs.billingDocument(invoice);
    assertThat(first.content()).isEqualTo(render(invoice));
    assertThat(first.sha256()).isEqualTo(PdfArchive.sha256(first.content()));
    assertThat(first.fileName()).isEqualTo("invoice-" + invoice.number() + "-ja.pdf");

    // As if the templates had changed since: the stored bytes, not a new render, are what is served.
    byte[] stored = "%PDF-1.7 archived".getBytes();
    jdbc.sql("update fee_pdf_archive set content = ? where kind = 'INVOICE' and reference = ?").params(stored, invoice.number()).update();

    assertThat(pdfs.billingDocument(invoice).content()).isEqualTo(stored);
    assertThat(jdbc.sql("select count(*) from fee_pdf_archive where reference = ?").param(invoice.number()).query(Long.class).single())
        .isEqualTo(1L);
  }

  @Test
  void twoConcurrentFirstRequestsArchiveOnePdf() {
    BillingDocument invoice = document(BillingDocument.Kind.INVOICE, uniqueNumber(), "en");

    List<CompletableFuture<ArchivedPdf>> requests = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      requests.add(CompletableFuture.supplyAsync(() -> pdfs.billingDocument(invoice)));
    }

    List<String> sums = requests.stream().map(CompletableFuture::join).map(ArchivedPdf::sha256).toList();
    assertThat(sums).hasSize(2).containsOnly(sums.get(0));
    assertThat(jdbc.sql("select count(*) from fee_pdf_archive where reference = ?").param(invoice.number()).query(Long.class).single())
        .isEqualTo(1L);
  }

  private byte[] render(BillingDocument document) {
    return pdfs.render("billing-document", Map.of("doc", document), document.language(),
        "pdf.title." + document.kind().name(), document.number(), Instant.parse("2026-11-29T15:00:00Z"));
  }

  private static String uniqueNumber() {
    return "INV-2099-" + String.format("%06d", NUMBERS.incrementAndGet());
  }

  static BillingDocument document(BillingDocument.Kind kind, String number, String language) {
    boolean ja = "ja".equals(language);
    List<BillingDocument.Line> lines =
        List.of(
            new BillingDocument.Line(1, "BINDS-2026-00042", 1, LocalDate.of(2026, 11, 2),
                ja ? "X線結晶構造解析 装置利用料" : "X-ray crystallography, instrument upkeep", new BigDecimal("4"), 3_000, 12_000,
                TaxClass.STANDARD),
            new BillingDocument.Line(2, "BINDS-2026-00042", 1, LocalDate.of(2026, 11, 10),
                ja ? "技術補助（オペレーター）" : "Operator time", BigDecimal.ONE, 3_333, 3_333, TaxClass.STANDARD),
            new BillingDocument.Line(3, "BINDS-2026-00042", 1, LocalDate.of(2026, 11, 20),
                ja ? "試薬（食品添加物グレード）" : "Reagent (food grade)", BigDecimal.ONE, 4_999, 4_999, TaxClass.REDUCED));
    return new BillingDocument(kind, number, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20),
        language, issuer(), ja ? recipient() : new BillingDocument.Recipient("The University of Tokyo", "Graduate School of Science",
            "Aoi Tanaka", "aoi.tanaka@u-tokyo.example.ac.jp", "KAKENHI 26H01234", null),
        lines, taxOf(lines), null, null);
  }

  private static BillingDocument.Issuer issuer() {
    return new BillingDocument.Issuer("研究支援プラットフォーム 窓口", "T5010001088888", "東京都千代田区一ツ橋2-1-2", "finance@madoguchi.example");
  }

  private static BillingDocument.Recipient recipient() {
    return new BillingDocument.Recipient("東京大学", "大学院理学系研究科", "田中 葵", "aoi.tanaka@u-tokyo.example.ac.jp", "科研費 26H01234", null);
  }

  private static ConsumptionTax.Breakdown taxOf(List<BillingDocument.Line> lines) {
    return TAX.of(lines.stream().map(l -> new ConsumptionTax.Taxable(l.taxClass(), l.amountYen())).toList());
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** IPAex Gothic as an embedded TrueType (FontFile2) composite font on every page: no tofu. */
  static void assertJapaneseFontEmbedded(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        List<PDFont> fonts = new ArrayList<>();
        for (COSName name : resources.getFontNames()) {
          fonts.add(resources.getFont(name));
        }
        assertThat(fonts)
            .anySatisfy(font -> {
              assertThat(font).isInstanceOf(PDType0Font.class);
              assertThat(font.getName()).contains("IPAex");
              assertThat(font.getFontDescriptor().getFontFile2()).isNotNull();
            });
      }
    }
  }

  static void writeFirstPage(byte[] pdf, String name) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
      Files.createDirectories(PortalBrowser.SCREENSHOTS);
      ImageIO.write(image, "png", PortalBrowser.SCREENSHOTS.resolve(name).toFile());
    }
  }
}
