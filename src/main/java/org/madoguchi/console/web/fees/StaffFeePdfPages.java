package org.madoguchi.console.web.fees;

import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.console.CaseVisibility;
import org.madoguchi.console.web.StaffViewers;
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
 * A case's fee documents as PDF downloads from the staff console, for whoever may see the case
 * ({@link CaseVisibility}: finance, the desk, the case's units...): {@code ?version=} and
 * {@code ?lang=ja|en} as on the portal. A case the viewer may not see is the console's 404 page; a
 * download from a confidential case is audited like a view of its page.
 */
@Controller
class StaffFeePdfPages {

  private final StaffViewers viewers;
  private final CaseVisibility visibility;
  private final StatementPdfs statements;

  StaffFeePdfPages(StaffViewers viewers, CaseVisibility visibility, StatementPdfs statements) {
    this.viewers = viewers;
    this.visibility = visibility;
    this.statements = statements;
  }

  @GetMapping("/console/cases/{caseNumber}/statement.pdf")
  ResponseEntity<byte[]> statement(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @RequestParam(required = false) Integer version,
      @RequestParam(name = "lang", required = false) String language) {
    return visibility.openPart(viewers.of(account), caseNumber, caseId -> statements.forStaff(caseId, version, language)).download();
  }

  @ExceptionHandler(NotFoundException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "console/not-found";
  }
}
