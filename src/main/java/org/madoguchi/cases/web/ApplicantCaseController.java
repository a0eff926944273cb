package org.madoguchi.cases.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.cases.ApplicantCaseQueries;
import org.madoguchi.cases.Cancellations;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.CaseViews.Cancellation;
import org.madoguchi.cases.CaseViews.CaseDetail;
import org.madoguchi.cases.CaseViews.CaseListItem;
import org.madoguchi.cases.Submissions;
import org.madoguchi.cases.SupportRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Applicant API: submit a request, follow one's own cases, cancel before instrument use. */
@RestController
@RequestMapping("/api/cases")
class ApplicantCaseController {

  private final Submissions submissions;
  private final Cancellations cancellations;
  private final ApplicantCaseQueries queries;

  ApplicantCaseController(Submissions submissions, Cancellations cancellations, ApplicantCaseQueries queries) {
    this.submissions = submissions;
    this.cancellations = cancellations;
    this.queries = queries;
  }

  @PostMapping
  ResponseEntity<CaseDetail> submit(
      @AuthenticationPrincipal SignedInAccount account, @Valid @RequestBody SupportRequest request, Locale locale) {
    CaseSummary created = submissions.submit(account.accountId(), request);
    return ResponseEntity.created(URI.create("/api/cases/" + created.caseNumber()))
        .body(queries.detail(created.caseNumber(), account.accountId(), locale));
  }

  @GetMapping
  List<CaseListItem> list(@AuthenticationPrincipal SignedInAccount account) {
    return queries.list(account.accountId());
  }

  /** The case with its timeline in the caller's language ({@code Accept-Language}). */
  @GetMapping("/{caseNumber}")
  CaseDetail detail(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, Locale locale) {
    return queries.detail(caseNumber, account.accountId(), locale);
  }

  @PostMapping("/{caseNumber}/cancellation")
  ResponseEntity<Void> cancel(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @Valid @RequestBody(required = false) Cancellation body) {
    cancellations.requestCancellation(caseNumber, account.accountId(), body == null ? null : body.reason());
    return ResponseEntity.accepted().build();
  }
}
