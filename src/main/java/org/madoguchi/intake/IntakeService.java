package org.madoguchi.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.madoguchi.common.web.InvalidRequestException;
import org.madoguchi.common.web.InvalidRequestException.Violation;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accepts support requests and cancellations from applicants. */
@Service
public class IntakeService {

  static final String PROCESS_ID = "research-support";

  private final SupportCaseRepository cases;
  private final CaseNumbers caseNumbers;
  private final CaseFile caseFile;
  private final WorkflowCommands workflow;
  private final List<CancellationGuard> cancellationGuards;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  IntakeService(
      SupportCaseRepository cases,
      CaseNumbers caseNumbers,
      CaseFile caseFile,
      WorkflowCommands workflow,
      List<CancellationGuard> cancellationGuards,
      ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.caseNumbers = caseNumbers;
    this.caseFile = caseFile;
    this.workflow = workflow;
    this.cancellationGuards = cancellationGuards;
    this.events = events;
    this.clock = clock;
  }

  /** Validates, files the case with a new number and queues the process start; all or nothing. */
  @Transactional
  public CaseSummary submit(long accountId, SupportRequest request) {
    checkBusinessRules(request);
    SupportCase supportCase = new SupportCase(caseNumbers.next(), accountId, request, clock.instant());
    cases.save(supportCase);
    caseFile.record(supportCase.id(), request.email(), "submitted", supportCase.title(), null);
    workflow.startProcess(PROCESS_ID, processVariables(supportCase), supportCase.id());
    return CaseSummary.of(supportCase);
  }

  /** Cancels before instrument use: the process ends via its cancellation event subprocess. */
  @Transactional
  public CaseSummary requestCancellation(String caseNumber, long accountId, String reason) {
    CaseSummary summary = caseFile.getOwned(caseNumber, accountId);
    checkCancellable(summary);
    caseFile.record(summary.caseId(), summary.email(), "cancellation-requested", reason, "cancel-request:" + summary.caseId());
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
    if (caseFile.transition(caseId, CaseStatus.CANCELLED, "system", "cancelled", null)) {
      events.publishEvent(new CaseCancelled(caseId, summary.caseNumber()));
    }
  }

  private static void checkBusinessRules(SupportRequest request) {
    List<Violation> violations = new ArrayList<>();
    List<String> services = request.requestedServices() == null ? List.of() : request.requestedServices();
    for (int i = 0; i < services.size(); i++) {
      if (!SupportRequest.SERVICE_CODES.contains(services.get(i))) {
        violations.add(new Violation("requestedServices[" + i + "]", "validation.service-code", services.get(i)));
      }
    }
    LocalDate start = request.desiredStart();
    LocalDate end = request.desiredEnd();
    if (start != null && end != null && end.isBefore(start)) {
      violations.add(new Violation("desiredEnd", "validation.desiredEnd.before-start"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }

  private static Map<String, Object> processVariables(SupportCase c) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", c.id());
    variables.put("caseNumber", c.caseNumber());
    variables.put("caseTitle", c.title());
    variables.put("applicantName", c.applicantName() + " (" + c.affiliation() + ")");
    variables.put("applicantCategory", c.applicantCategory());
    variables.put("fastTrack", c.isFastTrack());
    variables.put("requestedServices", c.requestedServices());
    variables.put("language", c.language());
    return variables;
  }
}
