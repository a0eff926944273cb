package org.madoguchi.consultation.web;

import jakarta.validation.Valid;
import java.util.List;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.consultation.InformationExchange;
import org.madoguchi.consultation.InformationReply;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Applicant API: read the desk's questions and answer the open one (forms/info-reply.form). */
@RestController
@RequestMapping("/api/cases/{caseNumber}/information")
class InformationReplyController {

  private final ConsultationService consultation;

  InformationReplyController(ConsultationService consultation) {
    this.consultation = consultation;
  }

  @GetMapping
  List<InformationExchange> exchanges(@AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber) {
    return consultation.exchanges(caseNumber, account.accountId());
  }

  @PostMapping("/reply")
  ResponseEntity<Void> reply(
      @AuthenticationPrincipal SignedInAccount account, @PathVariable String caseNumber, @Valid @RequestBody InformationReply body) {
    consultation.reply(caseNumber, account.accountId(), body.reply());
    return ResponseEntity.accepted().build();
  }
}
