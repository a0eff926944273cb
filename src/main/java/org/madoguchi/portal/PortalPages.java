package org.madoguchi.portal;

import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.intake.ApplicantCaseQueries;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The signed-in applicant's pages: my requests, a case page, a new request. Only ever one's own cases. */
@Controller
class PortalPages {

  private final ApplicantCaseQueries queries;

  PortalPages(ApplicantCaseQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/portal/requests";
  }

  @GetMapping("/portal/requests")
  String myRequests(@AuthenticationPrincipal SignedInAccount account, Model model) {
    model.addAttribute("cases", queries.list(account.accountId()));
    return "portal/requests";
  }

  @GetMapping("/portal/requests/new")
  String newRequest() {
    return "portal/new-request";
  }

  @GetMapping("/portal/requests/{caseNumber}")
  String casePage(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model) {
    model.addAttribute("c", queries.detail(caseNumber, account.accountId()));
    return "portal/case";
  }
}
