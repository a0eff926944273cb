package org.madoguchi.consultation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.madoguchi.cases.audit.Actor;
import org.madoguchi.cases.ApplicantNotices;
import org.madoguchi.cases.CaseDeclarations;
import org.madoguchi.cases.audit.CaseEvent;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.common.web.StateConflictException;
import org.madoguchi.units.UnitCatalogue;
import org.madoguchi.workflow.WorkflowCommands;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The one-stop desk's consultation: decisions, questions to the applicant and their answers. */
@NamedInterface("api")
@Service
public class ConsultationService {

  static final String REPLY_MESSAGE = "applicant-info-reply";
  private static final Actor DESK = Actor.staff("desk");

  private final ConsultationDecisionRepository decisions;
  private final InformationRequestRepository informationRequests;
  private final CaseFile caseFile;
  private final ApplicantNotices notices;
  private final WorkflowCommands workflow;
  private final UnitCatalogue units;
  private final CaseDeclarations declarations;
  private final ConsultationTeam team;
  private final Clock clock;

  ConsultationService(
      ConsultationDecisionRepository decisions,
      InformationRequestRepository informationRequests,
      CaseFile caseFile,
      ApplicantNotices notices,
      WorkflowCommands workflow,
      UnitCatalogue units,
      CaseDeclarations declarations,
      ConsultationTeam team,
      Clock clock) {
    this.decisions = decisions;
    this.informationRequests = informationRequests;
    this.caseFile = caseFile;
    this.notices = notices;
    this.workflow = workflow;
    this.units = units;
    this.declarations = declarations;
    this.team = team;
    this.clock = clock;
  }

  /**
   * Records the desk's decision once per consultation task (an acceptance puts the case in support),
   * names the team and stores the confirmed category and fast-track. Returns the variables that change
   * with the confirmation (applicantCategory, fastTrack, taskPriority, consultationSla); a repeated
   * job answers as the first did.
   */
  @Transactional
  public Map<String, Object> record(long caseId, long elementInstanceKey, ConsultationInput input) {
    input.check();
    List<String> unknown = input.plannedUnitsOrEmpty().stream().filter(code -> !units.isKnownUnit(code)).toList();
    if (!unknown.isEmpty()) {
      // The form offers only catalogue units; an unknown code is a form or model defect: stop visibly.
      throw new IllegalArgumentException("unknown units in the plan: " + unknown);
    }
    // Both are idempotent, so a repeated job gives the same answer.
    Map<String, Object> confirmed = input.confirmsDeclaration() ? confirm(caseId, elementInstanceKey, input) : Map.of();
    if (ConsultationInput.ACCEPT.equals(input.consultationOutcome())) {
      team.name(caseId, input.leadCoordinator(), input.unitContacts(), input.plannedUnitsOrEmpty());
    }
    if (decisions.existsByElementInstanceKey(elementInstanceKey)) {
      return confirmed;
    }
    ConsultationDecision decision = decisions.save(new ConsultationDecision(caseId, elementInstanceKey, input, clock.instant()));
    // Questions and declines are filed by their own steps (request-info, case.decline).
    if (ConsultationInput.ACCEPT.equals(input.consultationOutcome())) {
      caseFile.transition(
          caseId, CaseStatus.IN_SUPPORT, new CaseEvent.ConsultationAccepted(decision.plannedUnits(), input.supportPlan()), DESK);
    }
    return confirmed;
  }

  private Map<String, Object> confirm(long caseId, long elementInstanceKey, ConsultationInput input) {
    CaseDeclarations.Confirmed confirmed =
        declarations.confirm(
            caseId, input.confirmedCategory(), input.confirmedFastTrack(), input.declarationChangeReason(), DESK,
            "declaration:" + elementInstanceKey);
    return Map.of(
        "applicantCategory", confirmed.applicantCategory(),
        "fastTrack", confirmed.fastTrack(),
        "taskPriority", confirmed.taskPriority(),
        "consultationSla", confirmed.consultationSla());
  }

  /** Puts the question to the applicant and waits for the answer (case: awaiting information). */
  @Transactional
  public void requestInformation(long caseId, long elementInstanceKey, String question) {
    if (informationRequests.findByElementInstanceKey(elementInstanceKey).isPresent()) {
      return;
    }
    informationRequests.save(new InformationRequest(caseId, elementInstanceKey, question, clock.instant()));
    caseFile.transition(caseId, CaseStatus.AWAITING_INFORMATION, new CaseEvent.InformationRequested(question), DESK);
    notices.send(caseId, "info-request", Map.of("question", question), "info-request:" + elementInstanceKey);
  }

  /** One reminder per timer firing (the job key), however often the job is retried. */
  @Transactional
  public void remindApplicant(long caseId, long jobKey) {
    informationRequests
        .findFirstByCaseIdAndReplyIsNullOrderByRequestedAtDesc(caseId)
        .ifPresent(open -> notices.send(caseId, "info-reminder", Map.of("question", open.question()), "info-reminder:" + jobKey));
  }

  /** The applicant's answer: stored, the case goes back to the desk, and the waiting process resumes. */
  @Transactional
  public void reply(String caseNumber, long accountId, String reply) {
    CaseSummary summary = caseFile.getOwned(caseNumber, accountId);
    InformationRequest open =
        informationRequests
            .findFirstByCaseIdAndReplyIsNullOrderByRequestedAtDesc(summary.caseId())
            .filter(request -> summary.status() == CaseStatus.AWAITING_INFORMATION)
            .orElseThrow(() -> new StateConflictException("consultation.reply.not-awaited"));
    open.answer(reply.strip(), clock.instant());
    caseFile.transition(
        summary.caseId(), CaseStatus.IN_CONSULTATION, new CaseEvent.InformationProvided(reply.strip()),
        Actor.applicant(summary.email()));
    workflow.publishMessage(
        REPLY_MESSAGE, caseNumber, "info-reply:" + open.id(), Map.of("applicantReply", reply.strip()), summary.caseId());
  }

  /** For the staff console (the caller checks the viewer may see the case). */
  @Transactional(readOnly = true)
  public StaffConsultation forStaff(long caseId) {
    return new StaffConsultation(
        decisions.findByCaseIdOrderByDecidedAtAscIdAsc(caseId).stream().map(ConsultationDecision::view).toList(),
        informationRequests.findByCaseIdOrderByRequestedAtAsc(caseId).stream().map(InformationRequest::exchange).toList());
  }

  /** The questions asked of the applicant, with answers, oldest first. */
  @Transactional(readOnly = true)
  public List<InformationExchange> exchanges(String caseNumber, long accountId) {
    CaseSummary summary = caseFile.getOwned(caseNumber, accountId);
    return informationRequests.findByCaseIdOrderByRequestedAtAsc(summary.caseId()).stream()
        .map(InformationRequest::exchange)
        .toList();
  }
}
