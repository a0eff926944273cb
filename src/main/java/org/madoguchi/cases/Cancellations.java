package org.madoguchi.cases;

import java.util.List;
import java.util.Map;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An applicant's cancellation: asked for in the portal or API while no instrument use is recorded,
 * carried out by the engine's cancellation step, which releases what other features hold.
 */
@NamedInterface("api")
@Service
public class Cancellations {

  private final CaseFile caseFile;
  private final WorkflowCommands workflow;
  private final List<CancellationGuard> cancellationGuards;
  private final ApplicationEventPublisher events;

  Cancellations(
      CaseFile caseFile,
      WorkflowCommands workflow,
      List<CancellationGuard> cancellationGuards,
      ApplicationEventPublisher events) {
    this.caseFile = caseFile;
    this.workflow = workflow;
    this.cancellationGuards = cancellationGuards;
    this.events = events;
  }

  /** Cancels before instrument use: the process ends via its cancellation event subprocess. */
  @Transactional
  public CaseSummary requestCancellation(String caseNumber, long accountId, String reason) {
    CaseSummary summary = caseFile.getOwned(caseNumber, accountId);
    checkCancellable(summary);
    caseFile.record(
        summary.caseId(), new CaseEvent.CancellationRequested(reason), Actor.applicant(summary.email()),
        "cancel-request:" + summary.caseId());
    workflow.publishMessage("case-cancellation", caseNumber, "cancel:" + caseNumber, Map.of(), summary.caseId());
    return summary;
  }

  /**
   * Whether the applicant may cancel now, without cancelling: throws the same {@link StateConflictException}
   * {@link #requestCancellation} would (e.g. once instrument use is recorded).
   */
  @Transactional(readOnly = true)
  public void checkCancellable(String caseNumber, long accountId) {
    checkCancellable(caseFile.getOwned(caseNumber, accountId));
  }

  private void checkCancellable(CaseSummary summary) {
    if (!CaseStatus.CANCELLABLE.contains(summary.status())) {
      throw new StateConflictException("case.cancel.not-allowed", summary.status().name());
    }
    for (CancellationGuard guard : cancellationGuards) {
      guard.objection(summary.caseId()).ifPresent(key -> {
        throw new StateConflictException(key);
      });
    }
  }

  /** Ends the case as cancelled (the engine's cancellation step); features release what they hold. */
  @Transactional
  public void completeCancellation(long caseId) {
    CaseSummary summary = caseFile.get(caseId);
    if (caseFile.transition(caseId, CaseStatus.CANCELLED, new CaseEvent.Cancelled(), Actor.system())) {
      events.publishEvent(new CaseCancelled(caseId, summary.caseNumber()));
    }
  }
}
