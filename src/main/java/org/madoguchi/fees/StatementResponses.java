package org.madoguchi.fees;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.NotFoundException;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant's side of the statement: see it, accept it or dispute it. */
@NamedInterface("api")
@Service
public class StatementResponses {

  static final String MESSAGE = "statement-response";

  private final FeeStatementRepository statements;
  private final FeeDocuments invoices;
  private final CaseFile caseFile;
  private final WorkflowCommands workflow;
  private final Clock clock;

  StatementResponses(
      FeeStatementRepository statements,
      FeeDocuments invoices,
      CaseFile caseFile,
      WorkflowCommands workflow,
      Clock clock) {
    this.statements = statements;
    this.invoices = invoices;
    this.caseFile = caseFile;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * The case's statement as last sent to the applicant (a draft, and a revision finance has not sent yet,
   * are not shown); not-found otherwise.
   */
  @Transactional(readOnly = true)
  public StatementView view(String caseNumber, long accountId) {
    return view(caseNumber, accountId, null);
  }

  /** Version {@code version} of the statement, one the applicant was sent; null for the last one sent. */
  @Transactional(readOnly = true)
  public StatementView view(String caseNumber, long accountId, Integer version) {
    CaseSummary supportCase = caseFile.getOwned(caseNumber, accountId);
    FeeStatement statement =
        statements
            .findByCaseId(supportCase.caseId())
            .filter(s -> s.issuedVersion() != null && s.status() != StatementStatus.DRAFT)
            .orElseThrow(() -> new NotFoundException("statement"));
    int latest = statement.issuedVersion();
    int shown = version == null ? latest : version;
    if (shown < 1 || shown > latest) {
      throw new NotFoundException("statement version");
    }
    String invoiceNumber = invoices.invoiceNumberOf(statement.id());
    return StatementView.of(supportCase.caseNumber(), statement, shown, latest, invoiceNumber);
  }

  /**
   * Records the answer and tells the process (message {@code statement-response}, queued in this
   * transaction). A dispute sends the case back to fee assessment for another finance review.
   */
  @Transactional
  public StatementView respond(String caseNumber, long accountId, StatementResponseRequest request) {
    String reason = request.checkedDisputeReason();
    CaseSummary supportCase = caseFile.getOwned(caseNumber, accountId);
    FeeStatement statement =
        statements
            .findByCaseIdForUpdate(supportCase.caseId())
            .filter(FeeStatement::isAwaitingResponse)
            .orElseThrow(() -> new StateConflictException("fees.statement.not-awaiting-response"));
    if (request.version() != statement.currentVersion()) {
      throw StatementRevisions.staleVersion(statement.currentVersion(), request.version());
    }
    boolean accepted = request.accepted();
    int response = statement.respond(accepted, reason, clock.instant());
    String messageId = MESSAGE + ":" + statement.id() + ":" + response;
    long caseId = supportCase.caseId();
    Actor applicant = Actor.applicant(supportCase.email());
    if (accepted) {
      caseFile.record(caseId, new CaseEvent.StatementAccepted(statement.totalYen()), applicant, messageId);
    } else if (!caseFile.transition(caseId, CaseStatus.FEE_ASSESSMENT, new CaseEvent.StatementDisputed(reason), applicant)) {
      caseFile.record(caseId, new CaseEvent.StatementDisputed(reason), applicant, messageId);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("statementAccepted", accepted);
    variables.put("disputeReason", reason);
    workflow.publishMessage(MESSAGE, supportCase.caseNumber(), messageId, variables, caseId);
    String invoiceNumber = invoices.invoiceNumberOf(statement.id());
    return StatementView.of(supportCase.caseNumber(), statement, statement.currentVersion(), statement.currentVersion(), invoiceNumber);
  }
}
