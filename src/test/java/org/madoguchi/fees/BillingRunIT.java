package org.madoguchi.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.accounts.Accounts;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.Submissions;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.fees.invoicing.BillingDocuments;
import org.madoguchi.fees.invoicing.BillingExport;
import org.madoguchi.fees.invoicing.BillingPdfs;
import org.madoguchi.fees.invoicing.BillingRuns;
import org.madoguchi.fees.invoicing.CreditNotes;
import org.madoguchi.fees.invoicing.IssuerProperties;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.madoguchi.testsupport.EmbeddedSmtp;
import org.madoguchi.testsupport.MadoguchiIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Billing runs, credit notes, numbering and the export against the real database: statements accepted in a
 * month are invoiced per payer with the tax computed once per class, a case without payer data is carried
 * to the next run, numbers stay gap-free under parallel issues, and corrections go through credit notes.
 */
@MadoguchiIT
class BillingRunIT {

  @Autowired Accounts accounts;
  @Autowired Submissions submissions;
  @Autowired TransactionTemplate tx;
  @Autowired StatementResponses responses;
  @Autowired FeeAssessments assessments;
  @Autowired StatementDelivery delivery;
  @Autowired CaseFile caseFile;
  @Autowired JdbcTemplate jdbc;
  @Autowired Payers payers;
  @Autowired BillingRuns runs;
  @Autowired BillingDocuments documents;
  @Autowired CreditNotes creditNotes;
  @Autowired BillingPdfs billingPdfs;
  @Autowired BillingExport export;
  @Autowired IssuerProperties issuer;
  @Autowired Clock clock;
  @Autowired MadoguchiProperties madoguchi;

  FeeCases cases;

  @BeforeEach
  void fixture() {
    cases = new FeeCases(accounts, submissions, caseFile, assessments, delivery, tx);
  }

  @Test
  void threeCasesOfOnePayerMakeOneInvoiceAndACaseWithoutPayerIsCarriedToTheNextRun() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("ja");
    PayerDetails monthly = new PayerDetails("Pharma Example Co., Ltd.", "Research Planning", "Akira Ito", "ap-run@pharma.example.co.jp",
        "BUDGET-7", "PO-2026-0777", PayerDetails.BillingCycle.MONTHLY);
    List<FeeCases.IssuedStatement> billed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 9_100L + i);
      payers.save(issued.supportCase().caseId(), monthly, applicant.email());
      accept(applicant, issued);
      billed.add(issued);
    }
    FeeCases.IssuedStatement withoutPayer = cases.issuedStatement(applicant, 9_110L);
    accept(applicant, withoutPayer);

    LocalDate today = clock.instant().atZone(madoguchi.timeZone()).toLocalDate();
    YearMonth first = YearMonth.from(today).minusMonths(2);
    BillingRuns.Run run = runs.start(first, today, "finance@madoguchi.example");

    List<BillingRuns.RunInvoice> ours = run.invoices().stream().filter(i -> "PO-2026-0777".equals(i.purchaseOrder())).toList();
    assertThat(ours).singleElement().satisfies(i -> assertThat(i.cases()).isEqualTo(3));
    BillingDocument invoice = documents.byNumber(ours.getFirst().number(), null).orElseThrow();
    assertThat(invoice.kind()).isEqualTo(BillingDocument.Kind.INVOICE);
    assertThat(invoice.number()).matches("INV-" + today.getYear() + "-\\d{6}");
    assertThat(invoice.issuer().registrationNumber()).isEqualTo(issuer.registrationNumber());
    assertThat(invoice.recipient().purchaseOrder()).isEqualTo("PO-2026-0777");
    assertThat(invoice.lines()).hasSize(6);
    assertThat(invoice.lines()).extracting(BillingDocument.Line::caseNumber).containsOnly(
        billed.stream().map(b -> b.supportCase().caseNumber()).toArray(String[]::new));
    assertThat(invoice.lines()).extracting(BillingDocument.Line::lineNo).containsExactly(1, 2, 3, 4, 5, 6);
    // Each statement is 122,498 yen + 12,249 tax; the invoice taxes 367,494 yen once: 36,749, not 3 x 12,249 = 36,747.
    assertThat(invoice.tax().subtotalYen()).isEqualTo(367_494);
    assertThat(invoice.tax().perRate()).singleElement().satisfies(r -> {
      assertThat(r.taxClass()).isEqualTo(TaxClass.STANDARD);
      assertThat(r.taxYen()).isEqualTo(36_749);
    });
    assertThat(invoice.tax().totalYen()).isEqualTo(404_243);
    assertThat(run.carried()).filteredOn(c -> c.caseId() == withoutPayer.supportCase().caseId())
        .singleElement()
        .satisfies(c -> {
          assertThat(c.missing()).isEqualTo("institutionName,contactEmail,purchaseOrder");
          assertThat(c.invoicedSince()).isFalse();
        });

    theRunsInvoiceReachesTheContactTheApplicantsAndTheAuditTrails(invoice, billed);

    // The same month again issues, mails and records nothing.
    int invoicesBefore = count("select count(*) from invoices");
    int mailsBefore = count("select count(*) from mail_outbox");
    int eventsBefore = count("select count(*) from case_events where action = 'invoice-issued'");
    BillingRuns.Run again = runs.start(first, today, "finance@madoguchi.example");
    assertThat(again.id()).isEqualTo(run.id());
    assertThat(again.invoices()).isEqualTo(run.invoices());
    assertThat(count("select count(*) from invoices")).isEqualTo(invoicesBefore);
    assertThat(count("select count(*) from mail_outbox")).isEqualTo(mailsBefore);
    assertThat(count("select count(*) from case_events where action = 'invoice-issued'")).isEqualTo(eventsBefore);

    // The payer completed, the next run invoices the carried case.
    payers.save(withoutPayer.supportCase().caseId(), new PayerDetails("Pharma Example Co., Ltd.", null, null, "ap2@pharma.example.co.jp",
        null, "PO-2026-0778", PayerDetails.BillingCycle.MONTHLY), applicant.email());
    BillingRuns.Run next = runs.start(first.plusMonths(1), today, "finance@madoguchi.example");
    assertThat(next.invoices()).filteredOn(i -> "PO-2026-0778".equals(i.purchaseOrder()))
        .singleElement()
        .satisfies(i -> assertThat(i.cases()).isEqualTo(1));
    assertThat(next.carried()).noneMatch(c -> c.caseId() == withoutPayer.supportCase().caseId());
    assertThat(runs.run(run.id()).orElseThrow().carried())
        .filteredOn(c -> c.caseId() == withoutPayer.supportCase().caseId())
        .singleElement()
        .satisfies(c -> assertThat(c.invoicedSince()).isTrue());

    exportParsesBackWithTheSameRows(run.id(), ours.getFirst().number());
    creditNotesRefuseBadInputAndCreditWhatWasInvoiced(invoice);
  }

  @Test
  void aPerCaseInvoiceGoesToTheBillingContactButNotTwiceToAnApplicantWhoIsTheirOwnContact() {
    FeeCases.Applicant applicant = cases.applicant("en");
    FeeCases.IssuedStatement separate = cases.issuedStatement(applicant, 9_300L);
    payers.save(separate.supportCase().caseId(), FeeCases.completePayer(), applicant.email());
    FeeCases.IssuedStatement own = cases.issuedStatement(applicant, 9_301L);
    payers.save(own.supportCase().caseId(), new PayerDetails("Example University", null, null, applicant.email(), null, "PO-2026-0901",
        PayerDetails.BillingCycle.PER_CASE), applicant.email());
    List<String> numbers = new ArrayList<>();
    for (FeeCases.IssuedStatement issued : List.of(separate, own)) {
      responses.respond(issued.supportCase().caseNumber(), applicant.accountId(), new StatementResponseRequest("accept", null, 1));
      numbers.add(delivery.issueInvoice(issued.supportCase().caseId(), issued.statementId()));
    }

    assertThat(jdbc.queryForList("select recipient from mail_outbox where dedupe_key = ?", String.class, "billing-contact:" + numbers.get(0)))
        .containsExactly(FeeCases.completePayer().contactEmail());
    assertThat(count("select count(*) from mail_outbox where dedupe_key = 'billing-contact:" + numbers.get(1) + "'")).isZero();
    assertThat(count("select count(*) from mail_outbox where template = 'invoice-issued' and case_id = " + own.supportCase().caseId()))
        .isEqualTo(1);
  }

  @Test
  void aBadCutoffIsRefusedAndNothingIsRecorded() {
    LocalDate today = clock.instant().atZone(madoguchi.timeZone()).toLocalDate();
    int before = count("select count(*) from billing_runs");

    assertThatThrownBy(() -> runs.start(YearMonth.from(today).minusMonths(6), today.plusDays(1), "finance@madoguchi.example"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("cutoff"));
    assertThatThrownBy(() -> runs.start(YearMonth.from(today).plusMonths(1), today, "finance@madoguchi.example"))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(count("select count(*) from billing_runs")).isEqualTo(before);
  }

  @Test
  void parallelIssuesGetGapFreeNumbersAndARolledBackIssueGivesItsNumberBack() throws Exception {
    FeeCases.Applicant applicant = cases.applicant("en");
    List<FeeCases.IssuedStatement> accepted = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      FeeCases.IssuedStatement issued = cases.issuedStatement(applicant, 9_200L + i);
      payers.save(issued.supportCase().caseId(), FeeCases.completePayer(), applicant.email());
      responses.respond(issued.supportCase().caseNumber(), applicant.accountId(), new StatementResponseRequest("accept", null, 1));
      accepted.add(issued);
    }
    int year = clock.instant().atZone(madoguchi.timeZone()).getYear();

    // A failing issue inside a rolled-back transaction leaves the counter as it was.
    Integer lastBefore = lastNumber(year);
    FeeCases.IssuedStatement rolledBack = accepted.getFirst();
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      delivery.issueInvoice(rolledBack.supportCase().caseId(), rolledBack.statementId());
      throw new IllegalStateException("the mail server said no");
    })).hasMessage("the mail server said no");
    assertThat(lastNumber(year)).isEqualTo(lastBefore);

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<String>> issues = accepted.stream()
          .<Callable<String>>map(a -> () -> delivery.issueInvoice(a.supportCase().caseId(), a.statementId()))
          .toList();
      List<String> numbers = new ArrayList<>();
      for (Future<String> f : pool.invokeAll(issues)) {
        numbers.add(f.get());
      }
      assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("INV-" + year + "-\\d{6}"));
    } finally {
      pool.shutdown();
    }
    List<Integer> issued = jdbc.queryForList(
        "select cast(substring(invoice_number, 10) as int) from invoices where kind = 'INVOICE' and invoice_number like ? order by 1",
        Integer.class, "INV-" + year + "-%");
    assertThat(issued).hasSize(lastNumber(year));
    for (int i = 0; i < issued.size(); i++) {
      assertThat(issued.get(i)).isEqualTo(i + 1);
    }
  }

  private void theRunsInvoiceReachesTheContactTheApplicantsAndTheAuditTrails(BillingDocument invoice, List<FeeCases.IssuedStatement> billed)
      throws Exception {
    String contact = invoice.recipient().contactEmail();
    MimeMessage mail = EmbeddedSmtp.awaitMailTo(contact, 1).getFirst();
    assertThat(mail.getSubject()).contains(invoice.number());
    assertThat(EmbeddedSmtp.pdfPart(mail)).isEqualTo(archivedPdf("INVOICE", invoice.number(), invoice.language()));
    assertThat(count("select count(*) from mail_outbox where recipient = '" + contact + "'")).isEqualTo(1);
    for (FeeCases.IssuedStatement b : billed) {
      long caseId = b.supportCase().caseId();
      assertThat(jdbc.queryForList("select attachments from mail_outbox where case_id = ? and template = 'invoice-issued-to-institution'",
          String.class, caseId)).singleElement().asString().contains(invoice.number());
      assertThat(jdbc.queryForObject("select count(*) from case_events where case_id = ? and action = 'invoice-issued' and dedupe_key = ?",
          Integer.class, caseId, "invoice-issued:" + invoice.number() + ":" + caseId)).isEqualTo(1);
    }
  }

  private byte[] archivedPdf(String kind, String number, String language) {
    return jdbc.queryForObject("select content from fee_pdf_archive where kind = ? and reference = ? and language = ?", byte[].class,
        kind, number, language);
  }

  private void exportParsesBackWithTheSameRows(long runId, String invoiceNumber) throws Exception {
    List<List<Object>> rows = export.forRun(runId);
    assertThat(rows).filteredOn(r -> r.getFirst().equals(invoiceNumber)).hasSize(6);
    List<List<String>> expected = rows.stream().map(r -> r.stream().map(BillingRunIT::text).toList()).toList();

    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    export.writeCsv(rows, csv);
    List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new InputStreamReader(new ByteArrayInputStream(csv.toByteArray()), StandardCharsets.UTF_8))
        .getRecords();
    assertThat(records.getFirst().getParser().getHeaderNames()).isEqualTo(BillingExport.COLUMNS);
    assertThat(records.stream().map(CSVRecord::toList).toList()).isEqualTo(expected);
    CSVRecord first = records.stream().filter(r -> r.get("invoice_number").equals(invoiceNumber)).findFirst().orElseThrow();
    assertThat(first.get("issuer_registration_number")).isEqualTo(issuer.registrationNumber());
    assertThat(first.get("tax_rate")).isEqualTo("0.1");
    assertThat(first.get("invoice_tax_for_class_yen")).isEqualTo("36749");
    assertThat(first.get("invoice_total_yen")).isEqualTo("404243");

    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    export.writeXlsx(rows, xlsx);
    List<List<String>> sheet = readSheet(xlsx.toByteArray());
    assertThat(sheet.getFirst()).isEqualTo(BillingExport.COLUMNS);
    assertThat(sheet.subList(1, sheet.size())).isEqualTo(expected);
  }

  private void creditNotesRefuseBadInputAndCreditWhatWasInvoiced(BillingDocument invoice) throws Exception {
    int documentsBefore = count("select count(*) from invoices");
    assertRefused(() -> creditNotes.issue(invoice.number(), new CreditNotes.Request("  ", true, Map.of()), "finance@madoguchi.example"), "reason");
    assertRefused(() -> creditNotes.issue(invoice.number(), new CreditNotes.Request("Wrong grids", false, Map.of(7, 100L)), "finance@madoguchi.example"),
        "lines[7]");
    assertRefused(() -> creditNotes.issue(invoice.number(), new CreditNotes.Request("Wrong grids", false, Map.of(2, 19_999L)),
        "finance@madoguchi.example"), "lines[2]");
    assertRefused(() -> creditNotes.issue(invoice.number(), new CreditNotes.Request("Wrong grids", false, Map.of(2, -5L)),
        "finance@madoguchi.example"), "lines[2]");
    assertRefused(() -> creditNotes.issue(invoice.number(), new CreditNotes.Request("Wrong grids", false, Map.of()),
        "finance@madoguchi.example"), "lines");
    assertThat(count("select count(*) from invoices")).isEqualTo(documentsBefore);

    String number = creditNotes.issue(invoice.number(), new CreditNotes.Request("Grids supplied by the applicant", false, Map.of(2, 19_998L)),
        "finance@madoguchi.example");
    BillingDocument credit = documents.byNumber(number, "en").orElseThrow();
    assertThat(credit.kind()).isEqualTo(BillingDocument.Kind.CREDIT_NOTE);
    assertThat(credit.number()).matches("CN-\\d{4}-\\d{6}");
    assertThat(credit.correctsInvoice()).isEqualTo(invoice.number());
    assertThat(credit.reason()).isEqualTo("Grids supplied by the applicant");
    assertThat(credit.lines()).singleElement().satisfies(l -> assertThat(l.amountYen()).isEqualTo(-19_998));
    assertThat(credit.tax().perRate()).singleElement().satisfies(r -> assertThat(r.taxYen()).isEqualTo(-1_999));
    // Line 2 is now fully credited: more is refused.
    assertRefused(() -> creditNotes.issue(invoice.number(), new CreditNotes.Request("Again", false, Map.of(2, 1L)), "finance@madoguchi.example"),
        "lines[2]");
    // The billing contact gets the credit note with its PDF; the credited case records it.
    MimeMessage creditMail = EmbeddedSmtp.awaitMailTo(invoice.recipient().contactEmail(), 2).stream()
        .filter(m -> subject(m).contains(number))
        .findFirst()
        .orElseThrow();
    assertThat(EmbeddedSmtp.pdfPart(creditMail)).isEqualTo(archivedPdf("CREDIT_NOTE", number, invoice.language()));
    String creditedCase = invoice.lines().get(1).caseNumber();
    assertThat(jdbc.queryForObject("""
            select count(*) from case_events e join cases c on c.id = e.case_id
            where c.case_number = ? and e.action = 'credit-note-issued' and e.dedupe_key like ?""",
        Integer.class, creditedCase, "credit-note-issued:" + number + ":%")).isEqualTo(1);
    assertThat(count("select count(*) from case_events where action = 'credit-note-issued' and dedupe_key like 'credit-note-issued:"
        + number + ":%'")).isEqualTo(1);
    // The issued invoice reads as it was issued.
    assertThat(documents.byNumber(invoice.number(), null).orElseThrow()).isEqualTo(invoice);
    // The mails announcing them carry their PDFs.
    for (String document : List.of(invoice.number(), number)) {
      byte[] pdf = billingPdfs.resolve(BillingPdfs.mailAttachment(document, "ja")).content();
      assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
  }

  private void accept(FeeCases.Applicant applicant, FeeCases.IssuedStatement issued) {
    responses.respond(issued.supportCase().caseNumber(), applicant.accountId(), new StatementResponseRequest("accept", null, 1));
    assertThat(delivery.issueInvoice(issued.supportCase().caseId(), issued.statementId())).isEmpty();
  }

  private static void assertRefused(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly(field));
  }

  private Integer lastNumber(int year) {
    return jdbc.queryForList("select last_number from invoice_counters where registration_number = ? and counter_year = ? and series = 'INV'",
        Integer.class, issuer.registrationNumber(), year).stream().findFirst().orElse(0);
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private int count(String sql) {
    return jdbc.queryForObject(sql, Integer.class);
  }

  private static String text(Object value) {
    return value instanceof java.math.BigDecimal d ? d.toPlainString() : value.toString();
  }

  /** The first sheet's cells as text, read from the XLSX's XML (shared strings and numbers). */
  private static List<List<String>> readSheet(byte[] xlsx) throws Exception {
    Map<String, byte[]> parts = new HashMap<>();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("billing-export", ".xlsx");
    java.nio.file.Files.write(file, xlsx);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        parts.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    List<String> shared = new ArrayList<>();
    if (parts.containsKey("xl/sharedStrings.xml")) {
      NodeList items = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
      for (int i = 0; i < items.getLength(); i++) {
        shared.add(items.item(i).getTextContent());
      }
    }
    List<List<String>> rows = new ArrayList<>();
    NodeList rowNodes = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row");
    for (int r = 0; r < rowNodes.getLength(); r++) {
      List<String> row = new ArrayList<>();
      NodeList cells = ((Element) rowNodes.item(r)).getElementsByTagName("c");
      for (int c = 0; c < cells.getLength(); c++) {
        Element cell = (Element) cells.item(c);
        int column = columnOf(cell.getAttribute("r"));
        while (row.size() < column) {
          row.add("");
        }
        String value = cell.getElementsByTagName("v").getLength() > 0 ? cell.getElementsByTagName("v").item(0).getTextContent()
            : cell.getTextContent();
        String type = cell.getAttribute("t");
        row.add("s".equals(type) ? shared.get(Integer.parseInt(value))
            : type.isEmpty() || "n".equals(type) ? new java.math.BigDecimal(value).stripTrailingZeros().toPlainString() : value);
      }
      while (row.size() < BillingExport.COLUMNS.size()) {
        row.add("");
      }
      rows.add(row);
    }
    return rows;
  }

  private static int columnOf(String reference) {
    int column = 0;
    for (char ch : reference.toCharArray()) {
      if (Character.isLetter(ch)) {
        column = column * 26 + (ch - 'A' + 1);
      }
    }
    return column - 1;
  }

  private static Document xml(byte[] part) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(part));
  }
}
