package org.madoguchi.portal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.LenientEnumEditor;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who pays for the case (the payer an invoice is addressed to): the form on the case page posts here; a
 * refused form comes back on a page of its own with the error at each field (400), nothing saved.
 */
@Controller
class PortalPayerPages {

  static final String PAYER_PAGE = PageLinks.CASE_PAGE + "/payer";

  private final CaseFile caseFile;
  private final Payers payers;

  PortalPayerPages(CaseFile caseFile, Payers payers) {
    this.caseFile = caseFile;
    this.payers = payers;
  }

  @GetMapping(PAYER_PAGE)
  String form(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    model.addAttribute("payer", payers.of(c.caseId()).orElseGet(() -> suggested(c)));
    return page(c, model);
  }

  /** An unknown billing cycle binds as none, so the form comes back with the error at that field. */
  @InitBinder("payer")
  void bindBillingCycle(WebDataBinder binder) {
    binder.registerCustomEditor(PayerDetails.BillingCycle.class, new LenientEnumEditor<>(PayerDetails.BillingCycle.class));
  }

  @PostMapping(PAYER_PAGE)
  String save(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @Valid @ModelAttribute("payer") PayerDetails payer, BindingResult errors, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    CaseSummary c = caseFile.getOwned(caseNumber, account.accountId());
    if (errors.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(c, model);
    }
    payers.save(c.caseId(), payer, c.email());
    redirect.addFlashAttribute("payerSaved", true);
    return "redirect:" + PageLinks.path(PageLinks.CASE_PAGE, caseNumber) + "#payer";
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }

  /** Before the applicant saves a payer, the form suggests their own institution and address. */
  static PayerDetails suggested(CaseSummary c) {
    return new PayerDetails(c.affiliation(), null, c.applicantName(), c.email(), null, null, PayerDetails.BillingCycle.PER_CASE);
  }

  private String page(CaseSummary c, Model model) {
    model.addAttribute("c", c);
    model.addAttribute("industry", PayerDetails.INDUSTRY.equals(c.applicantCategory()));
    return "portal/payer";
  }
}
