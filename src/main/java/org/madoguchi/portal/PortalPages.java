package org.madoguchi.portal;

import java.util.Locale;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.booking.SelfUseBookings;
import org.madoguchi.booking.SlotProposals;
import org.madoguchi.cases.ApplicantCaseQueries;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseViews.CaseDetail;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.documents.Documents;
import org.madoguchi.fees.invoicing.BillingDocuments;
import org.madoguchi.fees.invoicing.PayerDetails;
import org.madoguchi.fees.invoicing.Payers;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The signed-in applicant's pages: my requests, a case page (with its documents), a new request. Only ever one's own cases. */
@Controller
class PortalPages {

  private final ApplicantCaseQueries queries;
  private final OpenActions actions;
  private final Documents documents;
  private final ProposalAnswers proposals;
  private final CaseFile caseFile;
  private final SelfUseBookings selfUse;
  private final Payers payers;
  private final BillingDocuments billingDocuments;

  PortalPages(
      ApplicantCaseQueries queries, OpenActions actions, Documents documents, ProposalAnswers proposals, CaseFile caseFile,
      SelfUseBookings selfUse, Payers payers, BillingDocuments billingDocuments) {
    this.queries = queries;
    this.actions = actions;
    this.documents = documents;
    this.proposals = proposals;
    this.caseFile = caseFile;
    this.selfUse = selfUse;
    this.payers = payers;
    this.billingDocuments = billingDocuments;
  }

  @GetMapping("/")
  String home() {
    return "redirect:" + PageLinks.MY_REQUESTS;
  }

  @GetMapping(PageLinks.MY_REQUESTS)
  String myRequests(@AuthenticationPrincipal SignedInAccount account, Model model) {
    model.addAttribute("cases", queries.list(account.accountId()));
    return "portal/requests";
  }

  @GetMapping("/portal/requests/new")
  String newRequest() {
    return "portal/new-request";
  }

  @GetMapping(PageLinks.CASE_PAGE)
  String casePage(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Model model, Locale locale) {
    CaseDetail c = queries.detail(caseNumber, account.accountId(), locale);
    model.addAttribute("c", c);
    model.addAttribute("actions", actions.of(caseNumber, account.accountId(), c.status()));
    model.addAttribute("documents", documents.forApplicant(caseNumber, account.accountId()));
    model.addAttribute("proposals", proposals.ofCase(caseNumber, account.accountId()));
    model.addAttribute("maxProposalComment", SlotProposals.MAX_COMMENT);
    long caseId = caseFile.getOwned(caseNumber, account.accountId()).caseId();
    model.addAttribute("payer", payers.of(caseId).orElseGet(() -> PortalPayerPages.suggested(caseFile.get(caseId))));
    model.addAttribute("industry", PayerDetails.INDUSTRY.equals(c.applicantCategory()));
    model.addAttribute("billingDocuments", billingDocuments.forCase(caseId));
    model.addAttribute("selfUseBookable",
        selfUse.options(caseId, account.accountId()).stream().anyMatch(SelfUseBookings.SelfUseOption::bookable));
    return "portal/case";
  }

  /** Where mails sent before the portal had pages pointed: the case page, and the outcome report. */
  @GetMapping("/cases/{caseNumber}")
  @ResponseStatus(HttpStatus.MOVED_PERMANENTLY)
  String formerCaseLink(@PathVariable String caseNumber) {
    return "redirect:" + PageLinks.path(PageLinks.CASE_PAGE, caseNumber);
  }

  @GetMapping("/cases/{caseNumber}/outcomes")
  @ResponseStatus(HttpStatus.MOVED_PERMANENTLY)
  String formerOutcomesLink(@PathVariable String caseNumber) {
    return "redirect:" + PageLinks.path(PageLinks.OUTCOMES_PAGE, caseNumber);
  }
}
