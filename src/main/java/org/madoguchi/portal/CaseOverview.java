package org.madoguchi.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.madoguchi.MadoguchiProperties;
import org.madoguchi.cases.audit.CaseEventType;
import org.madoguchi.cases.CaseFile;
import org.madoguchi.cases.CaseStatus;
import org.madoguchi.cases.CaseSummary;
import org.madoguchi.cases.audit.RecordedEvent;
import org.madoguchi.consultation.ConsultationService;
import org.madoguchi.consultation.InformationExchange;
import org.madoguchi.deposit.ApplicantDeposits;
import org.madoguchi.fees.FeeDocuments;
import org.madoguchi.fees.FeeDocuments.ApplicantFees;
import org.madoguchi.notify.CaseMails;
import org.madoguchi.notify.CaseMails.CaseMail;
import org.madoguchi.units.CaseTeams;
import org.madoguchi.units.TeamMember;
import org.springframework.stereotype.Service;

/**
 * The case page's panels beside the timeline: the current step on the process diagram, the mails and
 * fee documents sent, the dates to meet and the people on the case. Only ever for the signed-in
 * applicant's own case.
 */
@Service
class CaseOverview {

  /** What the case-overview fragment shows. */
  record View(
      String caseNumber, Step step, List<CaseMail> mails, ApplicantFees fees, List<Deadline> deadlines, List<TeamMember> team) {}

  /** The current step: the BPMN element id to mark and its name in the model (the page translates it). */
  record Step(String elementId, String modelName) {}

  /**
   * A date to meet. {@code kind}: {@code info-reply}, {@code statement-response}, {@code deposit}
   * (the applicant's) or {@code consultation} (the desk's); {@code subject} names the dataset for deposits.
   */
  record Deadline(String kind, Instant due, String subject, boolean applicantMustAct) {}

  private final CaseFile caseFile;
  private final CaseMails mails;
  private final FeeDocuments fees;
  private final ConsultationService consultation;
  private final ApplicantDeposits deposits;
  private final MadoguchiProperties properties;
  private final CaseProcessMap model;
  private final CaseTeams teams;

  CaseOverview(
      CaseFile caseFile,
      CaseMails mails,
      FeeDocuments fees,
      ConsultationService consultation,
      ApplicantDeposits deposits,
      MadoguchiProperties properties,
      CaseProcessMap model,
      CaseTeams teams) {
    this.caseFile = caseFile;
    this.mails = mails;
    this.fees = fees;
    this.consultation = consultation;
    this.deposits = deposits;
    this.properties = properties;
    this.model = model;
    this.teams = teams;
  }

  /** Not-found for someone else's case, like the rest of the case page. */
  View of(String caseNumber, long accountId) {
    CaseSummary c = caseFile.getOwned(caseNumber, accountId);
    String stepId = CaseProcessMap.stepOf(c.status());
    Step step = new Step(stepId, model.nameOf(stepId).orElse(stepId));
    Optional<ApplicantFees> feeDocuments = fees.forCase(c.caseId());
    List<Deadline> deadlines = new ArrayList<>();
    if (c.status() == CaseStatus.AWAITING_INFORMATION) {
      consultation.exchanges(caseNumber, accountId).stream()
          .filter(e -> e.repliedAt() == null)
          .max(Comparator.comparing(InformationExchange::askedAt))
          .ifPresent(e -> add(deadlines, "info-reply", e.askedAt(), CaseProcessMap.INFO_TIMEOUT, null, true));
    }
    if (c.status() == CaseStatus.AWAITING_STATEMENT_RESPONSE) {
      feeDocuments
          .filter(ApplicantFees::awaitingResponse)
          .ifPresent(f -> add(deadlines, "statement-response", f.statementIssuedAt(), CaseProcessMap.STATEMENT_REMINDER, null, true));
    }
    if (c.status() == CaseStatus.DATA_DEPOSIT) {
      // A dataset waits for the applicant since it last changed state (deposit opened or sent back).
      deposits.list(caseNumber, accountId).stream()
          .filter(d -> d.status().acceptsDeposit())
          .forEach(d -> add(deadlines, "deposit", d.updatedAt(), CaseProcessMap.DEPOSIT_ESCALATION, d.title(), true));
    }
    if (c.status() == CaseStatus.IN_CONSULTATION) {
      consultationDue(c.caseId(), c.fastTrack())
          .ifPresent(due -> deadlines.add(new Deadline("consultation", due, null, false)));
    }
    return new View(
        c.caseNumber(), step, mails.sentTo(c.caseId(), c.email()), feeDocuments.orElse(null), deadlines, teams.current(c.caseId()));
  }

  private void add(List<Deadline> deadlines, String kind, Instant from, String timer, String subject, boolean applicant) {
    if (from == null) {
      return;
    }
    model.timer(timer).ifPresent(d -> deadlines.add(new Deadline(kind, from.plus(d), subject, applicant)));
  }

  /**
   * The desk's consultation due date as the model sets it: the consultation SLA (the fast-track one for
   * fast-track cases) from when the case last came to the desk (registration, the applicant's answer,
   * or a unit returning it).
   */
  private Optional<Instant> consultationDue(long caseId, boolean fastTrack) {
    Duration sla = fastTrack ? properties.sla().consultationFastTrack() : properties.sla().consultation();
    return caseFile.history(caseId).stream()
        .filter(e -> e.is(CaseEventType.REGISTERED) || e.is(CaseEventType.INFORMATION_PROVIDED) || e.is(CaseEventType.UNIT_RETURNED))
        .map(RecordedEvent::at)
        .reduce((earlier, later) -> later)
        .map(at -> at.plus(sla));
  }
}
