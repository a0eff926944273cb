package org.madoguchi.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.madoguchi.accounts.SignedInAccount;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.consultation.InformationReply;
import org.madoguchi.deposit.ApplicantDeposits;
import org.madoguchi.deposit.DepositRequest;
import org.madoguchi.fees.StatementResponseRequest;
import org.madoguchi.fees.StatementResponses;
import org.madoguchi.outcomes.OutcomeRequest;
import org.madoguchi.outcomes.OutcomeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Where the portal's action forms post (session + CSRF): the same request records and service methods
 * as the applicant API, so validation, ownership (404 for someone else's case), state checks (409) and
 * problem details are the API's. On success: 201 with the case page as location, which shows a
 * confirmation once.
 */
@RestController
@RequestMapping("/portal/api/requests/{caseNumber}")
class PortalActionApi {

  private final ConsultationService consultation;
  private final StatementResponses statements;
  private final ApplicantDeposits deposits;
  private final OutcomeService outcomes;

  PortalActionApi(
      ConsultationService consultation, StatementResponses statements, ApplicantDeposits deposits, OutcomeService outcomes) {
    this.consultation = consultation;
    this.statements = statements;
    this.deposits = deposits;
    this.outcomes = outcomes;
  }

  @PostMapping("/reply")
  ResponseEntity<Map<String, String>> reply(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @RequestBody InformationReply body,
      HttpServletRequest request,
      HttpServletResponse response) {
    consultation.reply(caseNumber, account.accountId(), body.reply());
    return done(caseNumber, "reply", request, response);
  }

  @PostMapping("/statement")
  ResponseEntity<Map<String, String>> statement(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @RequestBody StatementResponseRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    statements.respond(caseNumber, account.accountId(), body);
    return done(caseNumber, "statement-" + body.decision(), request, response);
  }

  @PostMapping("/datasets/{datasetId}/deposit")
  ResponseEntity<Map<String, String>> deposit(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @PathVariable long datasetId,
      @Valid @RequestBody DepositRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    deposits.deposit(caseNumber, account.accountId(), account.getUsername(), datasetId, body);
    return done(caseNumber, "deposit", request, response);
  }

  @PostMapping("/outcomes")
  ResponseEntity<Map<String, String>> outcomes(
      @AuthenticationPrincipal SignedInAccount account,
      @PathVariable String caseNumber,
      @Valid @RequestBody OutcomeRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    outcomes.report(caseNumber, account.accountId(), account.getUsername(), body);
    return done(caseNumber, "outcomes", request, response);
  }

  /** 201 with the case page, where a one-time confirmation ({@code portal.actions.done.<what>}) waits. */
  private static ResponseEntity<Map<String, String>> done(
      String caseNumber, String what, HttpServletRequest request, HttpServletResponse response) {
    String location = request.getContextPath() + "/portal/requests/" + caseNumber;
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put(PortalActionPages.FLASH, what);
    RequestContextUtils.saveOutputFlashMap(location, request, response);
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseNumber", caseNumber, "location", location));
  }
}
