package org.madoguchi.fees.web;

import jakarta.validation.Valid;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.fees.StatementResponseRequest;
import org.madoguchi.fees.StatementResponses;
import org.madoguchi.fees.StatementView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applicant API: the fee statement of one's own case, and the answer to it. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/statement")
class ApplicantStatementController {

  private final StatementResponses responses;

  ApplicantStatementController(StatementResponses responses) {
    this.responses = responses;
  }

  /** The version last sent, or an earlier one ({@code ?version=1}). */
  @GetMapping
  StatementView statement(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber,
      @RequestParam(required = false) Integer version) {
    return responses.view(caseNumber, account.accountId(), version);
  }

  @PostMapping("/response")
  StatementView respond(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @RequestBody StatementResponseRequest request) {
    return responses.respond(caseNumber, account.accountId(), request);
  }
}
