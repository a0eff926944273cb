package org.madoguchi.outcomes.web;

import jakarta.validation.Valid;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.outcomes.OutcomeRequest;
import org.madoguchi.outcomes.OutcomeService;
import org.madoguchi.outcomes.OutcomeViews.OutcomesView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Applicant API: report papers, patents and seeds that came of the support, and see them. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/outcomes")
class OutcomeController {

  private final OutcomeService service;

  OutcomeController(OutcomeService service) {
    this.service = service;
  }

  @GetMapping
  OutcomesView list(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber) {
    return service.list(caseNumber, account.accountId());
  }

  @PostMapping
  ResponseEntity<OutcomesView> report(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @RequestBody OutcomeRequest request) {
    OutcomesView view = service.report(caseNumber, account.accountId(), account.getUsername(), request);
    return ResponseEntity.status(HttpStatus.CREATED).body(view);
  }
}
