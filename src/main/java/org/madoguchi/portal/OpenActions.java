package org.madoguchi.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.PageLinks;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.consultation.InformationExchange;
import org.madoguchi.deposit.ApplicantDeposits;
import org.madoguchi.fees.StatementResponses;
import org.madoguchi.fees.StatementView;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.Cancellations;
import org.madoguchi.outcomes.OutcomeService;
import org.springframework.stereotype.Component;

/**
 * What the applicant can do on a case right now, read from the features' own queries: the actions the
 * case waits for (reply, statement, deposits), with their deadline where the process sets one, and the
 * ones the applicant may take (report outcomes, cancel).
 */
@Component
class OpenActions {

  /** One action: {@code kind} names its texts ({@code portal.actions.<kind>.*}); {@code subject} e.g. the dataset title. */
  record Action(String kind, String url, String subject, Instant since, Instant deadline) {}

  record CaseActions(List<Action> required, List<Action> optional) {}

  private final ConsultationService consultation;
  private final StatementResponses statements;
  private final ApplicantDeposits deposits;
  private final Cancellations cancellations;
  private final CaseProcessMap model;

  OpenActions(
      ConsultationService consultation,
      StatementResponses statements,
      ApplicantDeposits deposits,
      Cancellations cancellations,
      CaseProcessMap model) {
    this.consultation = consultation;
    this.statements = statements;
    this.deposits = deposits;
    this.cancellations = cancellations;
    this.model = model;
  }

  CaseActions of(String caseNumber, long accountId, CaseStatus status) {
    List<Action> required = new ArrayList<>();
    if (status == CaseStatus.AWAITING_INFORMATION) {
      openQuestion(caseNumber, accountId)
          .ifPresent(q -> required.add(new Action("reply", PageLinks.path(PageLinks.REPLY_PAGE, caseNumber), null, q.askedAt(), plus(q.askedAt(), model.timer(CaseProcessMap.INFO_TIMEOUT)))));
    }
    if (status == CaseStatus.AWAITING_STATEMENT_RESPONSE) {
      statement(caseNumber, accountId)
          .filter(StatementView::awaitingResponse)
          .ifPresent(s -> required.add(new Action("statement", PageLinks.path(PageLinks.STATEMENT_PAGE, caseNumber), null, s.issuedAt(), null)));
    }
    if (status == CaseStatus.DATA_DEPOSIT) {
      deposits.list(caseNumber, accountId).stream()
          .filter(d -> d.status().acceptsDeposit())
          .forEach(
              d ->
                  required.add(
                      new Action(
                          "deposit", PageLinks.path(PageLinks.DEPOSIT_PAGE, caseNumber, d.id()), d.title(), d.updatedAt(),
                          plus(d.updatedAt(), model.timer(CaseProcessMap.DEPOSIT_ESCALATION)))));
    }
    List<Action> optional = new ArrayList<>();
    if (OutcomeService.acceptsReports(status)) {
      optional.add(new Action("outcomes", PageLinks.path(PageLinks.OUTCOMES_PAGE, caseNumber), null, null, null));
    }
    if (CaseStatus.CANCELLABLE.contains(status) && cancellable(caseNumber, accountId)) {
      optional.add(new Action("cancel", PageLinks.path(PageLinks.CANCEL_PAGE, caseNumber), null, null, null));
    }
    return new CaseActions(required, optional);
  }

  /** The desk's question still waiting for an answer, if the case waits for one. */
  Optional<InformationExchange> openQuestion(String caseNumber, long accountId) {
    List<InformationExchange> asked = consultation.exchanges(caseNumber, accountId);
    return asked.isEmpty() || asked.getLast().reply() != null ? Optional.empty() : Optional.of(asked.getLast());
  }

  /** The released statement of the case, if finance has sent one. */
  Optional<StatementView> statement(String caseNumber, long accountId) {
    return statement(caseNumber, accountId, null);
  }

  /** Version {@code version} of the released statement (null: the last one sent), if there is one. */
  Optional<StatementView> statement(String caseNumber, long accountId, Integer version) {
    try {
      return Optional.of(statements.view(caseNumber, accountId, version));
    } catch (NotFoundException noStatementYet) {
      return Optional.empty();
    }
  }

  private boolean cancellable(String caseNumber, long accountId) {
    try {
      cancellations.checkCancellable(caseNumber, accountId);
      return true;
    } catch (StateConflictException refused) {
      return false;
    }
  }

  private static Instant plus(Instant since, Optional<Duration> period) {
    return since == null ? null : period.map(since::plus).orElse(null);
  }
}
