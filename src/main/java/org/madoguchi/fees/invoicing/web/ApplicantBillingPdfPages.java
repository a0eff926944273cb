package org.madoguchi.fees.invoicing.web;

import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.fees.invoicing.BillingPdfs;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The applicant's invoices, credit notes and no-charge notice as PDF downloads, for their own case only;
 * {@code ?lang=ja|en} (default: the language it was issued in). Anything else is the portal's 404 page.
 */
@Controller
class ApplicantBillingPdfPages {

  private final BillingPdfs pdfs;

  ApplicantBillingPdfPages(BillingPdfs pdfs) {
    this.pdfs = pdfs;
  }

  @GetMapping("/portal/requests/{caseNumber}/billing/{number}.pdf")
  ResponseEntity<byte[]> document(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @PathVariable String number,
      @RequestParam(name = "lang", required = false) String language) {
    return pdfs.forApplicant(caseNumber, account.accountId(), number, language).download();
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }
}
