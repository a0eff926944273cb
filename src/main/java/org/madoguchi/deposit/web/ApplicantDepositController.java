package org.madoguchi.deposit.web;

import jakarta.validation.Valid;
import java.util.List;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.deposit.ApplicantDeposits;
import org.madoguchi.deposit.DepositRequest;
import org.madoguchi.deposit.DepositViews.DatasetView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Applicant API: the datasets of one's case, and depositing them. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/datasets")
class ApplicantDepositController {

  private final ApplicantDeposits deposits;

  ApplicantDepositController(ApplicantDeposits deposits) {
    this.deposits = deposits;
  }

  @GetMapping
  List<DatasetView> list(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber) {
    return deposits.list(caseNumber, account.accountId());
  }

  @PostMapping("/{datasetId}/deposit")
  ResponseEntity<DatasetView> deposit(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @PathVariable long datasetId,
      @Valid @RequestBody DepositRequest request) {
    DatasetView view = deposits.deposit(caseNumber, account.accountId(), account.getUsername(), datasetId, request);
    return ResponseEntity.status(HttpStatus.CREATED).body(view);
  }
}
