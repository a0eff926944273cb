package org.madoguchi.fees.pdf.web;

import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.fees.pdf.StatementPdfs;
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
 * The applicant's fee documents as PDF downloads from the portal, for their own case only:
 * {@code ?version=} picks a statement version (default: the current one), {@code ?lang=ja|en} the
 * language (default: the applicant's). Anything else is the portal's plain 404 page.
 */
@Controller
class ApplicantFeePdfPages {

  private final StatementPdfs statements;

  ApplicantFeePdfPages(StatementPdfs statements) {
    this.statements = statements;
  }

  @GetMapping("/portal/requests/{caseNumber}/statement.pdf")
  ResponseEntity<byte[]> statement(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @RequestParam(required = false) Integer version,
      @RequestParam(name = "lang", required = false) String language) {
    return statements.forApplicant(caseNumber, account.accountId(), version, language).download();
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "portal/not-found";
  }
}
