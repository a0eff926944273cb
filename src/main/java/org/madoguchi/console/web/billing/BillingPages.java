package org.madoguchi.console.web.billing;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.StaffCases;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.LenientEnumEditor;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.StaffViewer;
import org.madoguchi.fees.BillingDocument;
import org.madoguchi.fees.invoicing.BillingDocuments;
import org.madoguchi.fees.invoicing.BillingExport;
import org.madoguchi.fees.invoicing.BillingPdfs;
import org.madoguchi.fees.invoicing.BillingRuns;
import org.madoguchi.fees.invoicing.CreditNotes;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance's billing pages ({@code /console/billing}): the monthly billing runs (start one, see its invoices
 * and the cases carried for an incomplete payer), the issued invoices and credit notes (a credit note is the
 * only correction of an issued invoice), a case's payer, and the export for the finance system. A refused
 * form shows its page again with the reason at the field (400); a line edit of an issued invoice is refused
 * (409). Each document downloads as PDF in Japanese or English.
 */
@Controller
class BillingPages {

  static final String ROOT = "/console/billing";
  static final int RECENT = 30;

  private final BillingRuns runs;
  private final BillingDocuments documents;
  private final CreditNotes creditNotes;
  private final BillingPdfs pdfs;
  private final BillingExport export;
  private final Payers payers;
  private final StaffCases staffCases;
  private final CaseFile caseFile;
  private final Clock clock;
  private final MadoguchiProperties properties;

  BillingPages(
      BillingRuns runs, BillingDocuments documents, CreditNotes creditNotes, BillingPdfs pdfs, BillingExport export, Payers payers, StaffCases staffCases,
      CaseFile caseFile, Clock clock, MadoguchiProperties properties) {
    this.runs = runs;
    this.documents = documents;
    this.creditNotes = creditNotes;
    this.pdfs = pdfs;
    this.export = export;
    this.payers = payers;
    this.staffCases = staffCases;
    this.caseFile = caseFile;
    this.clock = clock;
    this.properties = properties;
  }

  @GetMapping(ROOT)
  String home(@ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, Model model) {
    BillingAccess.requireFinance(viewer);
    LocalDate today = clock.instant().atZone(properties.timeZone()).toLocalDate();
    model.addAttribute("runForm", new BillingRunForm(YearMonth.from(today).minusMonths(1).toString(), today.withDayOfMonth(1).minusDays(1)));
    return homePage(model, today);
  }

  @PostMapping(ROOT + "/runs")
  String startRun(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @Valid @ModelAttribute("runForm") BillingRunForm form,
      BindingResult errors, Model model, HttpServletResponse response) {
    BillingAccess.requireFinance(viewer);
    if (!errors.hasErrors()) {
      try {
        BillingRuns.Run run = runs.start(form.yearMonth(), form.cutoff(), viewer.email());
        return "redirect:" + ROOT + "/runs/" + run.id();
      } catch (InvalidRequestException refused) {
        refused.violations().forEach(v -> errors.rejectValue(v.field(), v.messageKey(), v.arguments(), v.messageKey()));
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return homePage(model, clock.instant().atZone(properties.timeZone()).toLocalDate());
  }

  @GetMapping(ROOT + "/runs/{runId}")
  String run(@ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long runId, Model model) {
    BillingAccess.requireFinance(viewer);
    model.addAttribute("run", runs.run(runId).orElseThrow(() -> new NotFoundException("billing run " + runId)));
    return "console/billing-run";
  }

  /** The run's lines for the finance system: {@code export.csv} or {@code export.xlsx}. */
  @GetMapping(ROOT + "/runs/{runId}/export.{format}")
  void runExport(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable long runId, @PathVariable String format,
      HttpServletResponse response) throws IOException {
    BillingAccess.requireFinance(viewer);
    BillingRuns.Run run = runs.run(runId).orElseThrow(() -> new NotFoundException("billing run " + runId));
    send(export.forRun(runId), "billing-run-" + run.month(), format, response);
  }

  /** The lines of the documents issued from {@code from} to {@code to}: {@code export.csv} or {@code export.xlsx}. */
  @GetMapping(ROOT + "/export.{format}")
  void rangeExport(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String format,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response) throws IOException {
    BillingAccess.requireFinance(viewer);
    send(export.issuedBetween(from, to), "billing-" + from + "-" + to, format, response);
  }

  @GetMapping(ROOT + "/invoices/{number}")
  String invoice(@ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String number, Model model) {
    BillingAccess.requireFinance(viewer);
    model.addAttribute("creditNoteForm", new CreditNoteForm());
    return invoicePage(number, model);
  }

  @PostMapping(ROOT + "/invoices/{number}/credit-notes")
  String issueCreditNote(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String number,
      @Valid @ModelAttribute("creditNoteForm") CreditNoteForm form, BindingResult errors, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    BillingAccess.requireFinance(viewer);
    if (!errors.hasErrors()) {
      try {
        String issued = creditNotes.issue(number, new CreditNotes.Request(form.getReason(), form.wholeInvoice(), form.chosenAmounts()),
            viewer.email());
        redirect.addFlashAttribute("issued", issued);
        return "redirect:" + ROOT + "/invoices/" + number;
      } catch (InvalidRequestException refused) {
        refused.violations().forEach(v -> errors.reject(v.messageKey(), v.arguments(), v.messageKey()));
        model.addAttribute("refusedField", refused.violations().getFirst().field());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return invoicePage(number, model);
  }

  /** An issued invoice is never edited: the page says to issue a credit note instead (409). */
  @PostMapping(ROOT + "/invoices/{number}/lines/{lineNo}")
  String editLine(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String number, @PathVariable int lineNo, Model model,
      HttpServletResponse response) {
    BillingAccess.requireFinance(viewer);
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    model.addAttribute("creditNoteForm", new CreditNoteForm());
    model.addAttribute("lineEditRefused", lineNo);
    return invoicePage(number, model);
  }

  /** An invoice's, credit note's or no-charge notice's PDF ({@code ?lang=ja|en}; default: as issued). */
  @GetMapping(ROOT + "/documents/{number}.pdf")
  ResponseEntity<byte[]> pdf(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String number,
      @RequestParam(name = "lang", required = false) String language) {
    BillingAccess.requireFinance(viewer);
    return pdfs.forFinance(number, language).download();
  }

  @GetMapping(ROOT + "/cases/{caseNumber}/payer")
  String payer(@ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String caseNumber, Model model) {
    BillingAccess.requireFinance(viewer);
    CaseSummary c = caseOf(caseNumber);
    model.addAttribute("payer", payers.of(c.caseId()).orElse(PayerDetails.none()));
    return payerPage(c, model);
  }

  /** An unknown billing cycle binds as none, so the form comes back with the error at that field. */
  @InitBinder("payer")
  void bindBillingCycle(WebDataBinder binder) {
    binder.registerCustomEditor(PayerDetails.BillingCycle.class, new LenientEnumEditor<>(PayerDetails.BillingCycle.class));
  }

  @PostMapping(ROOT + "/cases/{caseNumber}/payer")
  String savePayer(
      @ModelAttribute(name = "viewer", binding = false) StaffViewer viewer, @PathVariable String caseNumber,
      @Valid @ModelAttribute("payer") PayerDetails payer, BindingResult errors, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    BillingAccess.requireFinance(viewer);
    CaseSummary c = caseOf(caseNumber);
    if (errors.hasErrors()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return payerPage(c, model);
    }
    payers.save(c.caseId(), payer, viewer.email());
    redirect.addFlashAttribute("payerSaved", true);
    return "redirect:" + ROOT + "/cases/" + caseNumber + "/payer";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "console/not-found";
  }

  private String homePage(Model model, LocalDate today) {
    model.addAttribute("runs", runs.recent(RECENT));
    model.addAttribute("documents", documents.recent(RECENT));
    model.addAttribute("exportFrom", today.withDayOfMonth(1));
    model.addAttribute("exportTo", today);
    return "console/billing";
  }

  private String invoicePage(String number, Model model) {
    BillingDocument document = documents.invoiceOrCreditNote(number).orElseThrow(() -> new NotFoundException("invoice " + number));
    model.addAttribute("document", document);
    model.addAttribute("creditNotes", documents.creditNotesOf(number));
    return "console/billing-invoice";
  }

  private String payerPage(CaseSummary c, Model model) {
    model.addAttribute("c", c);
    model.addAttribute("industry", PayerDetails.INDUSTRY.equals(c.applicantCategory()));
    model.addAttribute("billingDocuments", documents.forCase(c.caseId()));
    return "console/billing-payer";
  }

  private CaseSummary caseOf(String caseNumber) {
    long caseId = staffCases.idOf(caseNumber, StaffCases.Scope.allCases()).orElseThrow(() -> new NotFoundException("case " + caseNumber));
    return caseFile.get(caseId);
  }

  private void send(List<List<Object>> rows, String name, String format, HttpServletResponse response) throws IOException {
    switch (format) {
      case "csv" -> response.setContentType("text/csv;charset=UTF-8");
      case "xlsx" -> response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      default -> throw new NotFoundException("export format " + format);
    }
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format + "\"");
    if (format.equals("csv")) {
      export.writeCsv(rows, response.getOutputStream());
    } else {
      export.writeXlsx(rows, response.getOutputStream());
    }
  }
}
